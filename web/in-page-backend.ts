// The Backend that makes everything inside this page: the library runs in a
// Web Worker (engine.js, built from src/browser/engine.ts); nothing is sent
// anywhere. The worker lays out and paints; only the page can draw an SVG into
// pixels, so it does that when the worker asks. Where a worker cannot start
// (a page opened from a file:// address), the engine runs in the page itself.

import { addScript } from '../src/browser/add-script.js';
import type { Ask, Drawn, InPageEngine, Tell } from '../src/browser/protocol.js';
import type { Backend, FieldError, LoadedData, LoadedProfile, Made, MakeProgress, Options, PreviewBatch, Result } from './backend.js';

type Answer<T> = Result<T>;
type AskOf<K extends Ask['op']> = Extract<Ask, { op: K }>;

interface Pending {
  resolve(value: unknown): void;
  progress?: MakeProgress;
}

/** A problem of the engine itself (it could not start): shown like any other. */
const BROKEN: FieldError = { message: 'trang chưa tải xong phần làm tệp; tải lại trang (F5) rồi thử lần nữa' };

class Engine {
  private next = 0;
  private pending = new Map<number, Pending>();
  private send!: (message: Ask | Drawn, transfer?: Transferable[]) => void;
  readonly ready: Promise<void>;

  constructor() {
    const started = performance.now();
    this.ready = this.start();
    // How long the engine takes to start (fonts parsed, templates read): vneid:engine-start.
    void this.ready.then(() => performance.measure('vneid:engine-start', { start: started, end: performance.now() }), () => {});
  }

  private async start(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const init = { allowSchemes: (params.get('allow-scheme') ?? '').split(',').filter(Boolean), today: params.get('today') ?? undefined };
    const worker = this.startWorker();
    if (worker && (await this.ask('init', init).catch(() => false))) return;
    // No worker here (file://, or one that failed to load): the same engine in the page.
    worker?.terminate();
    await addScript('engine.js');
    const inPage = (window as unknown as { vneidEngine: InPageEngine }).vneidEngine;
    const handle = inPage.connect((m) => void this.hear(m));
    this.send = (m) => handle(m);
    await this.ask('init', init);
  }

  private startWorker(): Worker | undefined {
    let worker: Worker;
    try {
      worker = new Worker('engine.js');
    } catch {
      return undefined;
    }
    worker.onmessage = (e: MessageEvent<Tell>) => void this.hear(e.data);
    // A worker that cannot load fails its first question, and the page takes over.
    worker.onerror = () => {
      for (const p of this.pending.values()) p.resolve(undefined);
      this.pending.clear();
    };
    this.send = (m, t) => worker.postMessage(m, t ?? []);
    return worker;
  }

  ask<K extends Ask['op']>(op: K, args: AskOf<K>['args'], transfer: Transferable[] = [], progress?: MakeProgress): Promise<unknown> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => (v === undefined ? reject(new Error('no engine')) : resolve(v)), progress });
      this.send({ id, op, args } as Ask, transfer);
    });
  }

  private async hear(m: Tell): Promise<void> {
    if ('draw' in m) {
      let reply: Drawn;
      try {
        reply = { drawn: m.draw, ...(await draw(m.svg, m.format, m.dpi)) };
      } catch (e) {
        reply = { drawn: m.draw, error: String(e) };
      }
      this.send(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : reply.grey ? [reply.grey.data.buffer as ArrayBuffer] : []);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if ('progress' in m) p.progress?.(...m.progress);
    else {
      this.pending.delete(m.id);
      p.resolve(m.answer);
    }
  }
}

let engine: Engine | undefined;

/** Asks the engine, started on first use; a failure to start is a problem the page shows. */
async function call<T>(op: Ask['op'], args: unknown, transfer: Transferable[] = [], progress?: MakeProgress): Promise<Answer<T>> {
  engine ??= new Engine();
  try {
    await engine.ready;
    return (await engine.ask(op as never, args as never, transfer, progress)) as Answer<T>;
  } catch {
    return { ok: false, errors: [BROKEN] };
  }
}

let previewing: Promise<void> | undefined;

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

export const inPageBackend: Backend = {
  async options() {
    const r = await call<Options>('options', {});
    if (!r.ok) throw new Error(r.errors[0]?.message);
    return r.value;
  },

  async preview(profile, product, signal) {
    // One preview at a time: the worker cannot stop one half-way, so while it draws, newer
    // requests wait and those the page has given up on meanwhile are never drawn.
    while (previewing) await previewing;
    if (signal.aborted) throw new DOMException('superseded', 'AbortError');
    const started = performance.now();
    const done = call<{ pngs: Uint8Array[]; notices: string[]; batch?: PreviewBatch }>('preview', { profile, product });
    previewing = done.then(() => undefined);
    const r = await done.finally(() => (previewing = undefined));
    // How long a preview takes, for whoever measures (the tests do): performance entries named vneid:preview.
    performance.measure('vneid:preview', { start: started, end: performance.now() });
    if (signal.aborted) throw new DOMException('superseded', 'AbortError');
    if (!r.ok) return r;
    const pages = r.value.pngs.map((png) => new Blob([png as BlobPart], { type: 'image/png' }));
    return { ok: true, value: { pages, notices: r.value.notices, ...(r.value.batch ? { batch: r.value.batch } : {}) } };
  },

  async make(profile, product, progress) {
    const r = await call<{ fileName: string; type: string; bytes: Uint8Array; notices: string[]; contents?: Made['contents'] }>('make', { profile, product }, [], progress);
    if (!r.ok) return r;
    const { fileName, type, bytes, notices, contents } = r.value;
    return { ok: true, value: { fileName, blob: new Blob([bytes as BlobPart], { type }), notices, ...(contents ? { contents } : {}) } };
  },

  async loadData(file, kind) {
    const bytes = await bytesOf(file);
    return call<LoadedData>('loadData', { name: file.name, bytes, kind }, [bytes.buffer]);
  },

  async profileYaml(profile) {
    const r = await call<string>('profileYaml', { profile });
    return r.ok ? { ok: true, value: new Blob([r.value], { type: 'text/yaml;charset=utf-8' }) } : r;
  },

  async loadProfile(file) {
    const bytes = await bytesOf(file);
    return call<LoadedProfile>('loadProfile', { name: file.name, bytes }, [bytes.buffer]);
  },
};

/** An SVG drawn on white through an <img> and a canvas: a PNG/JPEG/WebP file, or grey levels for the QR read-back. */
async function draw(svg: string, format: 'png' | 'jpg' | 'webp' | 'grey', dpi: number): Promise<Omit<Drawn, 'drawn'>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: format === 'grey' })!;
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0);
    if (format === 'grey') {
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const grey = new Uint8ClampedArray(width * height);
      for (let i = 0, j = 0; i < grey.length; i++, j += 4) grey[i] = 0.2126 * data[j]! + 0.7152 * data[j + 1]! + 0.0722 * data[j + 2]!;
      return { grey: { data: grey, width, height } };
    }
    const type = format === 'jpg' ? 'image/jpeg' : `image/${format}`;
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas gave no image'))), type, 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { bytes: format === 'png' ? withDpi(bytes, dpi) : bytes };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A PNG that says its resolution (a pHYs chunk after IHDR), as the command line's do, so it prints at size. */
function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // per metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const at = 8 + 25; // signature, IHDR
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, at));
  out.set(chunk, at);
  out.set(png.subarray(at), at + chunk.length);
  return out;
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
