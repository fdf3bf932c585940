// Bundles the compiled CLI into one script for the startup snapshot
// (dist/snapshot/bundle.cjs: a snapshot holds one script). The bundle is shipped;
// the snapshot itself only loads in the Node binary that made it, so it is built
// on each machine, into a cache folder (src/cli/snapshot.ts): here, for the
// machine that builds, and after a user's first drawing command elsewhere. If
// anything fails, the CLI still works without it, only slower to start.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { unusedDependencies } from './unused-dependencies.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { SNAPSHOT_BUNDLE: BUNDLE, buildSnapshot } = await import(pathToFileURL(join(ROOT, 'dist/cli/snapshot.js')).href);

// Each module finds its templates, fonts and presets from its own location, which
// is kept relative to the bundle: the package can be installed anywhere.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(relative(dirname(BUNDLE), args.path))})`), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// sharp is a native addon, not bundled: loaded when an image is first made, by a
// require of the process that runs (a snapshot builder's own require knows only Node's modules).
const sharpAtRuntime = {
  name: 'sharp-at-runtime',
  setup(build) {
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'sharp-at-runtime' }));
    build.onLoad({ filter: /.*/, namespace: 'sharp-at-runtime' }, () => ({ contents: 'module.exports = require("node:module").createRequire(__moduleUrl("bundle.cjs"))("sharp");', loader: 'js' }));
  },
};

// yargs and its layout library measure text with string-width, whose module sets up
// Unicode tables and an Intl.Segmenter as it loads (~40 ms, and an Intl object cannot
// be saved in a snapshot). Only help and usage text measure anything: each is loaded
// the first time it is called, not when yargs is.
const stringWidthOnCall = {
  name: 'string-width-on-call',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { real: true } });
      return { path: real.path, namespace: 'string-width-on-call' };
    });
    build.onLoad({ filter: /.*/, namespace: 'string-width-on-call' }, (args) => ({
      contents: `let real;\nmodule.exports = function stringWidth(...a) {\n  real ??= require(${JSON.stringify(args.path)});\n  return (real.default ?? real)(...a);\n};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

rmSync(BUNDLE, { force: true });
try {
  await esbuild.build({
    entryPoints: [join(ROOT, 'dist/cli/snapshot-entry.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    // A snapshot has no import(): the bundle loads what modules import() as require() does.
    supported: { 'dynamic-import': false },
    // The bundle's folder, taken before any bundled module declares a __dirname of its own (yargs does).
    banner: { js: 'const __moduleUrl = ((dir) => (p) => require("node:url").pathToFileURL(require("node:path").join(dir, p)).href)(__dirname);' },
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [keepModuleUrls, sharpAtRuntime, stringWidthOnCall, unusedDependencies],
    logLevel: 'error',
  });
  buildSnapshot();
} catch (err) {
  process.stderr.write(`build-snapshot: no startup snapshot here (${err instanceof Error ? err.message.split('\n')[0] : err}); vneid-print still works, only slower to start.\n`);
}
