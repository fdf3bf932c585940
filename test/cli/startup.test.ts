import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/** The packages a command loads, from the module-resolution trace. */
function packagesLoaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/trace-imports.mjs'), join(ROOT, 'dist/cli/main.js'), ...args], { encoding: 'utf8' });
  const urls = /@@modules (.*)/.exec(r.stderr)?.[1]?.split(' ') ?? [];
  return [...new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []))];
}

describe('startup loads only what the command needs', () => {
  it.each([['guides'], ['--help'], ['leaflet', '--help']])('`vneid-print %s` loads neither pdfkit, sharp nor fontkit', (...args) => {
    const loaded = packagesLoaded(args);
    expect(loaded).toContain('yargs'); // the trace works
    expect(loaded.filter((p) => ['pdfkit', 'sharp', 'fontkit'].includes(p))).toEqual([]);
  });

  it('a leaflet does load pdfkit (so the check above can fail)', () => {
    const loaded = packagesLoaded(['leaflet', '--unit', join(ROOT, 'examples/xa-thanh-nhut.yaml'), '--guide', 'muc-1', '--out', join(tempDir(), 'a.pdf')]);
    expect(loaded).toContain('pdfkit');
  });
});
