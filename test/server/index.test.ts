// The web API carries what the layout decided along with the file: the page shows it.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { example } from '../helpers/cli.js';

/** The ward's example profile, as the page holds it once opened. */
let PROFILE: unknown;
// muc-2 needs both sides of A5 for this unit.
const TWO_SIDED = { product: 'leaflet', guide: 'muc-2', size: 'a5', format: 'png' };

let server: RunningServer;
const post = (path: string, body: unknown) => fetch(new URL(path, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const notices = (res: Response): string[] => JSON.parse(decodeURIComponent(res.headers.get('x-notices')!));

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', log: () => {} });
  const fd = new FormData();
  fd.append('file', new Blob([readFileSync(example('phuong-binh-thanh.yaml'))]), 'phuong.yaml');
  PROFILE = (await (await fetch(new URL('/api/profile/load', server.url), { method: 'POST', body: fd })).json()).form;
});
afterAll(() => server?.close());

describe('notices with the file and the preview', () => {
  it('the preview says it is page 1 of 2 and why', async () => {
    const res = await post('/api/preview', { profile: PROFILE, product: TWO_SIDED });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-preview-pages')).toBe('2');
    expect(notices(res)).toEqual([expect.stringContaining('mặt sau (trang 2); hãy in hai mặt')]);
  });

  it('a job for the pictures of a two-sided leaflet ends with both pictures zipped and says so', async () => {
    const { id } = await (await post('/api/jobs', { profile: PROFILE, product: TWO_SIDED })).json();
    let job: { state: string; fileName?: string; notices?: string[] };
    for (;;) {
      job = await (await fetch(new URL(`/api/jobs/${id}`, server.url))).json();
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ state: 'done', fileName: 'to-roi-muc-2-a5-hai-mat.zip' });
    expect(job.notices).toHaveLength(2);
    expect(job.notices![1]).toContain('to-roi-muc-2-a5-mat-sau.png');
    const file = await fetch(new URL(`/api/jobs/${id}/file`, server.url));
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect(Object.keys(unzipSync(new Uint8Array(await file.arrayBuffer())))).toEqual(['to-roi-muc-2-a5.png', 'to-roi-muc-2-a5-mat-sau.png']);
  });

  it('a one-sided file carries no notices', async () => {
    const res = await post('/api/generate', { profile: PROFILE, product: { product: 'image', guide: 'kich-hoat', preset: 'led-portrait', format: 'png' } });
    expect(res.status).toBe(200);
    expect(notices(res)).toEqual([]);
  });
});
