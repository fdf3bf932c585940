// Builds the startup snapshot that dist/cli/main.js runs drawing commands from:
// esbuild bundles the compiled CLI into one script (a snapshot holds one), then
// `node --build-snapshot` runs it, warm-up included, and saves the heap. The blob
// only loads in the Node that built it: the stamp records which. If anything
// fails, the CLI still works without it, only slower to start, so say so and go on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { SNAPSHOT_DIR, SNAPSHOT_BLOB: BLOB, SNAPSHOT_STAMP: STAMP, SNAPSHOT_NODE_FLAGS, currentStamp } = await import(pathToFileURL(join(ROOT, 'dist/cli/snapshot.js')).href);
const BUNDLE = join(SNAPSHOT_DIR, 'bundle.cjs');

// Each module finds its templates, fonts and presets from its own location.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(STAMP, { force: true });
mkdirSync(SNAPSHOT_DIR, { recursive: true });
try {
  await esbuild.build({
    entryPoints: [join(ROOT, 'dist/cli/snapshot-entry.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    // A native addon: loaded when an image is made (src/paint/load-sharp.ts).
    external: ['sharp'],
    plugins: [keepModuleUrls],
    logLevel: 'error',
  });
  const partial = `${BLOB}.part`;
  const r = spawnSync(process.execPath, ['--no-warnings', ...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', partial, '--build-snapshot', BUNDLE], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`node --build-snapshot: ${r.stderr || r.signal}`);
  // Start it once, as the bin will, before saying it is there.
  const check = spawnSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', partial, 'guides'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (check.status !== 0 || !check.stdout.includes('kich-hoat')) throw new Error(`the snapshot does not start: ${check.stderr}`);
  renameSync(partial, BLOB);
  rmSync(BUNDLE); // the blob holds it
  writeFileSync(STAMP, JSON.stringify(currentStamp(), null, 2));
} catch (err) {
  rmSync(BLOB, { force: true });
  process.stderr.write(`build-snapshot: no startup snapshot (${err instanceof Error ? err.message.split('\n')[0] : err}); vneid-print still works, only slower to start.\n`);
}
