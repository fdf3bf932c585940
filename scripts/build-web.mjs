// Builds the web page into dist/web: static files only, every URL relative, so
// the same folder works from `vneid-print serve`, any static host or a USB stick.
//   index.html, style.css         the page (web/)
//   app.js                        the page's script (web/app.ts and its Backend), one classic script
//   engine.js                     the library (src/browser/engine.ts) with its fonts, templates and
//                                 label sheets inside: run in a Web Worker, or in the page
//   zxing-wasm.js                 ZXing's WebAssembly (base64), loaded when a batch reads its QR codes back
//   manifest.webmanifest, favicon.svg, icon-*.png, sw.js   installable, and offline after the first visit
// Classic scripts rather than modules, and assets inside the scripts rather than
// fetched: a page opened from file:// may not load modules or fetch files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { unusedDependencies } from './unused-dependencies.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/web');
const require = createRequire(import.meta.url);

// The same font files the library reads on Node, and its templates' compile options (built by tsc before this runs).
const { FONT_FILES: FONTS } = await import(new URL('../dist/platform/node.js', import.meta.url).href);
const { TEMPLATE_OPTIONS } = await import(new URL('../dist/content/guides.js', import.meta.url).href);
const { splitGuideSource } = await import(new URL('../dist/content/guide-meta.js', import.meta.url).href);
const Handlebars = require('handlebars');

/**
 * A template with its body compiled ahead, as JavaScript for the module: the page
 * then never compiles one itself, so it runs under a policy without eval.
 */
const template = ({ file, text }) => `{ file: ${JSON.stringify(file)}, text: ${JSON.stringify(text)}, compiled: ${Handlebars.precompile(splitGuideSource(text, file).body, TEMPLATE_OPTIONS)} }`;

const texts = (dir, ext) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: f.slice(0, -ext.length), file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') }));

/** The files the library reads from disk on Node, as one module (src/browser/assets.ts). */
const assets = {
  name: 'vneid-assets',
  setup(build) {
    build.onResolve({ filter: /^vneid:assets$/ }, () => ({ path: 'assets', namespace: 'vneid' }));
    build.onLoad({ filter: /.*/, namespace: 'vneid' }, () => {
      const fonts = Object.entries(FONTS).map(([id, rel]) => `import ${id} from ${JSON.stringify(require.resolve(`@expo-google-fonts/be-vietnam-pro/${rel}`))};`);
      const guides = texts('templates/guides', '.hbs');
      const [reminder] = texts('templates/stickers', '.hbs').filter((t) => t.name === 'nhac-viec');
      const sheets = texts('assets/sheets', '.json');
      return {
        contents: [
          ...fonts,
          `export const fonts = { ${Object.keys(FONTS).join(', ')} };`,
          `export const guides = [${guides.map(template).join(', ')}];`,
          `export const reminder = ${template(reminder)};`,
          `export const sheets = ${JSON.stringify(sheets)};`,
        ].join('\n'),
        loader: 'js',
        resolveDir: ROOT,
      };
    });
  },
};

/**
 * What only Node has. platform/node.ts gives way to a stub (the engine sets the
 * browser's platform first); Node's built-in modules, imported by the command
 * line's file readers that the page never calls, become empty stand-ins.
 */
const NODE_ONLY = ['fs', 'fs/promises', 'path', 'url', 'module', 'os', 'crypto', 'zlib', 'stream', 'child_process', 'util', 'events'];
const browserOnly = {
  name: 'browser-only',
  setup(build) {
    build.onResolve({ filter: /\/node\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'platform', 'platform.ts')) ? { path: join(ROOT, 'src/browser/no-node.ts') } : undefined,
    );
    build.onResolve({ filter: /^pngjs$/ }, () => ({ path: join(ROOT, 'src/browser/no-png.ts') }));
    // sharp (a native addon, loaded by src/paint/load-sharp.ts on Node) is never called in the page.
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'node-only' }));
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!NODE_ONLY.includes(name)) return undefined;
      if (!args.path.startsWith('node:') && !/[\\/]src[\\/]/.test(args.importer)) return undefined;
      return { path: name, namespace: 'node-only' };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => key === '__esModule' ? false : () => { throw new Error('node:${args.path}.' + String(key) + ' is not in the browser'); } });`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  // WEB_DEBUG=1: readable bundles, for a stack trace from the browser.
  minify: process.env.WEB_DEBUG !== '1',
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
  // Node-only modules name import.meta for their files: never called in the page.
  logOverride: { 'empty-import-meta': 'silent' },
};

export async function buildWeb() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({ ...common, entryPoints: [join(ROOT, 'web/main.ts')], outfile: join(OUT, 'app.js') });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'src/browser/engine.ts')],
    outfile: join(OUT, 'engine.js'),
    loader: { '.ttf': 'binary' },
    inject: [join(ROOT, 'src/browser/buffer-global.ts')],
    // A classic script has no import.meta: pdfkit names its (unused) ICC profile's address from it.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', 'import.meta.url': 'self.location.href' },
    plugins: [assets, browserOnly, unusedDependencies],
    // WEB_METAFILE=/tmp/engine-meta.json: what the engine is made of, for esbuild's analyser.
    metafile: Boolean(process.env.WEB_METAFILE),
  }).then((r) => r.metafile && writeFileSync(process.env.WEB_METAFILE, JSON.stringify(r.metafile)));
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  writeFileSync(join(OUT, 'zxing-wasm.js'), `self.vneidZxingWasm=${JSON.stringify(wasm.toString('base64'))};\n`);
  for (const f of ['index.html', 'style.css', 'manifest.webmanifest', 'favicon.svg']) copyFileSync(join(ROOT, 'web', f), join(OUT, f));
  // Installing the page asks for pictures of the icon.
  const sharp = require('sharp');
  for (const px of [192, 512]) await sharp(join(ROOT, 'web/favicon.svg'), { density: 72 * (px / 32) }).resize(px, px).png().toFile(join(OUT, `icon-${px}.png`));

  // The service worker keeps every file for offline use; its version is the files' hash, so a new build replaces the old.
  const files = readdirSync(OUT).sort();
  const version = createHash('sha256');
  for (const f of files) version.update(f).update(readFileSync(join(OUT, f)));
  const sw = readFileSync(join(ROOT, 'web/sw.js'), 'utf8')
    .replace('__VERSION__', version.digest('hex').slice(0, 16))
    .replace('__FILES__', JSON.stringify(['./', ...files]));
  writeFileSync(join(OUT, 'sw.js'), sw);
  return sizes();
}

/** Bytes of each file as served: raw, gzip and brotli. */
export function sizes() {
  return readdirSync(OUT)
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(OUT, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const list = await buildWeb();
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  for (const s of list) console.log(`${s.file.padEnd(22)} ${kb(s.raw).padStart(8)} ${kb(s.gzip).padStart(8)} gzip ${kb(s.brotli).padStart(8)} brotli`);
}
