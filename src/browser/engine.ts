// The page's engine: the library itself, running in a Web Worker (or in the
// page where no worker can start, as from a file:// address). It answers the
// page's questions (protocol.ts) with createEngine, and asks the page to turn
// SVGs into pixels, since only the page can draw an SVG onto a canvas.

import { allowedSchemes } from '../cli/output-options.js';
import { parseDeadline } from '../content/deadline.js';
import { setPlatform, type GreyImage } from '../platform/platform.js';
import { createEngine, GENERIC_ERROR, type Engine } from '../page/engine.js';
import { addScript } from './add-script.js';
import { bundledAssets } from './assets.js';
import type { Ask, Drawn, InPageEngine, Tell } from './protocol.js';

type ZXing = typeof import('zxing-wasm/reader');

declare const self: { vneidZxingWasm?: string; importScripts?: (url: string) => void; document?: unknown } & Record<string, unknown>;

function connect(tell: (message: Tell, transfer?: Transferable[]) => void): (message: Ask | Drawn) => void {
  let draws = 0;
  const waiting = new Map<number, { resolve: (d: Drawn) => void }>();
  const draw = (svg: string, format: 'png' | 'jpg' | 'webp' | 'grey', dpi: number) =>
    new Promise<Drawn>((resolve) => {
      const id = ++draws;
      waiting.set(id, { resolve });
      tell({ draw: id, svg, format, dpi });
    }).then((d) => {
      if (d.error) throw new Error(d.error);
      return d;
    });

  let zxing: Promise<ZXing> | undefined;
  setPlatform({
    assets: bundledAssets,
    raster: {
      encode: async (svg, format, dpi) => (await draw(svg, format, dpi)).bytes!,
      grey: async (svg) => (await draw(svg, 'grey', 0)).grey as GreyImage,
    },
    zxing: () => (zxing ??= loadZXing()),
  });

  let engine: Engine | undefined;
  const answer = (id: number, value: unknown, transfer: Transferable[] = []) => tell({ id, answer: value }, transfer);

  return (message) => {
    if ('drawn' in message) {
      waiting.get(message.drawn)?.resolve(message);
      waiting.delete(message.drawn);
      return;
    }
    const { id } = message;
    (async () => {
      if (message.op === 'init') {
        const today = message.args.today ? parseDeadline(message.args.today) : undefined;
        let schemes: string[] = [];
        try {
          schemes = allowedSchemes(message.args.allowSchemes);
        } catch {
          // A scheme that is never allowed is left out, as if it had not been asked for.
        }
        engine = createEngine({ allowSchemes: schemes, today: today ? () => today : undefined });
        return answer(id, true);
      }
      const e = engine!;
      switch (message.op) {
        case 'options':
          return answer(id, { ok: true, value: e.options() });
        case 'preview': {
          const r = await e.preview(message.args.profile, message.args.product);
          return answer(id, r, r.ok ? r.value.pngs.map((png) => png.buffer as ArrayBuffer) : []);
        }
        case 'make': {
          const r = await e.make(message.args.profile, message.args.product, (done, total, unit = '') => tell({ id, progress: [done, total, unit] }));
          return answer(id, r, r.ok ? [r.value.bytes.buffer as ArrayBuffer] : []);
        }
        case 'loadData':
          return answer(id, await e.loadData(message.args.name, message.args.bytes, message.args.kind));
        case 'profileYaml':
          return answer(id, await e.profileYaml(message.args.profile));
        case 'loadProfile':
          return answer(id, await e.loadProfile(message.args.name, message.args.bytes));
      }
    })().catch((err: unknown) => {
      // Not the clerk's doing: said plainly, and the details go to the console.
      console.error(err);
      answer(id, { ok: false, errors: [{ message: GENERIC_ERROR }] });
    });
  };
}

/**
 * ZXing's WebAssembly comes in its own script (zxing-wasm.js, base64), loaded
 * only when a batch reads its QR codes back: a worker imports it, the page adds
 * it as a script; both work from a file:// address, where fetch does not.
 */
async function loadZXing(): Promise<ZXing> {
  if (!self.vneidZxingWasm) {
    if (self.importScripts) self.importScripts('zxing-wasm.js');
    else await addScript('zxing-wasm.js');
  }
  const binary = Uint8Array.from(atob(self.vneidZxingWasm!), (c) => c.charCodeAt(0));
  const module = await import('zxing-wasm/reader');
  module.prepareZXingModule({ overrides: { wasmBinary: binary.buffer } });
  return module;
}

if (typeof self.importScripts === 'function' && !self.document) {
  // A worker: the page talks through messages.
  const scope = self as unknown as { postMessage(m: unknown, t?: Transferable[]): void; onmessage: (e: MessageEvent) => void };
  const handle = connect((m, t) => scope.postMessage(m, t ?? []));
  scope.onmessage = (e) => handle(e.data as Ask | Drawn);
} else {
  // The page itself: it connects directly.
  const inPage: InPageEngine = { connect: (tell) => connect((m) => tell(m)) };
  self.vneidEngine = inPage;
}
