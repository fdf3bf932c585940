import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
/** What `npm run build` reads: the sources, the web page, what the startup snapshot holds (guides, presets, the sample unit), the build's own scripts and settings. */
const INPUTS = ['src', 'web', 'templates', 'assets', 'examples', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** Written last by a build (scripts/build-snapshot.mjs): the bundle the startup snapshot is made from. */
const BUNDLE = join(ROOT, 'dist/snapshot/bundle.cjs');

function newestInput(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const s = statSync(full);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(full, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(full, f)).mtimeMs));
}

/** Why the built bin and its snapshot may not be what the sources say, or undefined when they are. */
async function staleBecause(): Promise<string | undefined> {
  if (process.env.VNEID_TEST_BUILD) return 'VNEID_TEST_BUILD is set';
  if (!existsSync(BUNDLE)) return 'no build';
  const built = statSync(BUNDLE).mtimeMs;
  const changed = INPUTS.find((p) => newestInput(p) > built);
  if (changed) return `${changed} changed since the build`;
  // The blob lives in this machine's cache folder, one per Node: the build makes it.
  const { snapshotFor } = await import(pathToFileURL(join(ROOT, 'dist/cli/snapshot.js')).href);
  if (!snapshotFor(['leaflet'], { env: { ...process.env, VNEID_PRINT_NO_SNAPSHOT: undefined, NODE_OPTIONS: undefined }, execArgv: [] })) return 'no startup snapshot for this Node';
  return undefined;
}

/**
 * The CLI tests run the compiled bin and its startup snapshot, as users do: they
 * must be built from these sources. `npm ci` builds them (prepare), so on a clean
 * clone nothing is done here; after an edit, or for another Node, build again.
 */
export default async function setup(): Promise<() => void> {
  const why = await staleBecause();
  if (why) {
    process.stderr.write(`global-setup: building (${why})\n`);
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  // Every temporary folder of the run (the tests' own and those of the commands they start)
  // in one, removed when the run ends: a run leaves nothing in the system's temp folder.
  const runTemp = mkdtempSync(join(tmpdir(), 'vneid-tests-'));
  process.env.TMPDIR = runTemp;
  return () => rmSync(runTemp, { recursive: true, force: true });
}
