import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The startup snapshot: the CLI bundled into one script (dist/snapshot/bundle.cjs,
 * made by `npm run build` and shipped), run once with the sample unit's products
 * laid out (warm-up.ts) and saved as a V8 heap. The heap only loads in the Node
 * binary that made it, so it is never shipped: it is built on this machine, in a
 * cache folder, the first time a drawing command finishes without one (in the
 * background, after the command's own work), and used from the next command on.
 */
export const SNAPSHOT_BUNDLE = fileURLToPath(new URL('../snapshot/bundle.cjs', import.meta.url));

/**
 * V8 cannot save a regular expression compiled to machine code, and a blob only
 * loads under the V8 flags it was built with: build and run with interpreted
 * regular expressions (no cost we can measure, see BENCHMARKS.md).
 */
export const SNAPSHOT_NODE_FLAGS = ['--regexp-interpret-all'];

/** What a blob depends on: it only loads in the same Node binary and flags, and holds the bundle's paths. */
export interface SnapshotStamp {
  node: string;
  flags: string;
  execPath: string;
  platform: string;
  arch: string;
  bundle: string;
  /** The bundle's size and time: a rebuilt or reinstalled CLI makes a new blob. */
  bundleVersion: string;
}

type Env = Record<string, string | undefined>;

/** The folder for this Node and this bundle, or undefined when there is no bundle (a plain `tsc` build). */
export function snapshotDir(env: Env = process.env): string | undefined {
  const stamp = currentStamp();
  if (!stamp) return undefined;
  const root = env.VNEID_PRINT_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vneid-print');
  return join(root, `snapshot-${fnv1a64(JSON.stringify(stamp))}`);
}

/** A folder name for a stamp (FNV-1a, 64 bits): the bin that looks it up at every start need not load node:crypto. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const unit of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(unit)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

export function currentStamp(): SnapshotStamp | undefined {
  let bundle;
  try {
    bundle = statSync(SNAPSHOT_BUNDLE);
  } catch {
    return undefined;
  }
  return {
    node: process.version,
    flags: SNAPSHOT_NODE_FLAGS.join(' '),
    execPath: process.execPath,
    platform: process.platform,
    arch: process.arch,
    bundle: SNAPSHOT_BUNDLE,
    bundleVersion: `${bundle.size}-${Math.round(bundle.mtimeMs)}`,
  };
}

/** Commands that lay out and draw; the rest start faster without the snapshot. */
const DRAWING = new Set(['leaflet', 'poster', 'image', 'banner', 'stickers', 'handout', 'kit']);

export const isDrawingCommand = (args: readonly string[]): boolean => DRAWING.has(args[0] ?? '');

/** Whether `args` would run from a snapshot if there were one: drawing commands, with Node given no flags of its own. */
export function wantsSnapshot(args: readonly string[], { env = process.env as Env, execArgv = process.execArgv } = {}): boolean {
  if (!isDrawingCommand(args) || args.some((a) => a === '--help' || a === '-h' || a === '--version')) return false;
  // A profiler, a loader, or NODE_OPTIONS such as --max-old-space-size, under which a blob refuses to load.
  return !env.VNEID_PRINT_NO_SNAPSHOT && !env.NODE_OPTIONS && execArgv.length === 0;
}

/**
 * The blob to run `args` from, or undefined to run in this process: for light
 * commands and help, when Node was given flags of its own, when
 * VNEID_PRINT_NO_SNAPSHOT is set, or when none was built yet for this Node.
 */
export function snapshotFor(args: readonly string[], o: { env?: Env; execArgv?: string[] } = {}): string | undefined {
  if (!wantsSnapshot(args, o)) return undefined;
  const dir = snapshotDir(o.env);
  if (!dir) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8')) as SnapshotStamp;
    const now = currentStamp();
    return now && (Object.keys(now) as (keyof SnapshotStamp)[]).every((k) => stamp[k] === now[k]) ? join(dir, 'vneid-print.blob') : undefined;
  } catch {
    return undefined;
  }
}

/** Node's exit code when a blob does not load; nothing of the command has run then. */
export const SNAPSHOT_LOAD_FAILED = 14;

/** Left in the cache folder when a build failed, so that it is not tried after every command. */
export const SNAPSHOT_FAILED = 'build-failed.txt';

/** A build older than this is taken for dead (its process killed) and may be started again. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Builds the blob for this Node into its cache folder (a few seconds): the bundle
 * is run with `node --build-snapshot`, the blob started once as the bin will,
 * then moved into place with its stamp. Throws when it cannot be built.
 */
export function buildSnapshot(env: Env = process.env): string {
  const dir = snapshotDir(env);
  const stamp = currentStamp();
  if (!dir || !stamp) throw new Error(`no bundle at ${SNAPSHOT_BUNDLE} (npm run build makes it)`);
  mkdirSync(dir, { recursive: true });
  const blob = join(dir, 'vneid-print.blob');
  const partial = join(dir, `vneid-print.${process.pid}.part`);
  const clean = { ...process.env, NODE_OPTIONS: '' };
  try {
    const r = spawnSync(process.execPath, ['--no-warnings', ...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', partial, '--build-snapshot', SNAPSHOT_BUNDLE], { cwd: dir, encoding: 'utf8', env: clean });
    if (r.status !== 0) throw new Error(`node --build-snapshot: ${r.stderr || r.signal}`);
    const check = spawnSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', partial, 'guides'], { cwd: dir, encoding: 'utf8', env: clean });
    if (check.status !== 0 || !check.stdout.includes('kich-hoat')) throw new Error(`the snapshot does not start: ${check.stderr}`);
    renameSync(partial, blob);
    writeFileSync(join(dir, 'stamp.json'), JSON.stringify(stamp, null, 2));
    removeOutdatedSnapshots(dir, stamp);
    return blob;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Each blob is some 20 MB: once this install has a new one, the blobs it made
 * before (an older build or Node) can never load again, nor can those of an
 * install that is gone. Blobs of other installs that still exist are theirs.
 */
export function removeOutdatedSnapshots(current: string, stamp: SnapshotStamp): void {
  const root = dirname(current);
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    if (!name.startsWith('snapshot-') || dir === current) continue;
    let theirs: SnapshotStamp | undefined;
    try {
      theirs = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8')) as SnapshotStamp;
    } catch {
      // A build still under way, or one that failed, is left alone; a folder left empty long ago
      // (its build killed before it wrote anything) is not.
      if (isEmptyAndOld(dir)) rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (theirs.bundle !== stamp.bundle && existsSync(theirs.bundle)) continue;
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // In use where an open file cannot be removed (Windows): tried again after the next build.
    }
  }
}

function isEmptyAndOld(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0 && Date.now() - statSync(dir).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

/**
 * After a drawing command that ran without a snapshot: builds one for the next
 * command, in a process of its own that outlives this one (it holds no terminal
 * and takes no signals from it), unless another is already building it.
 * Nothing is written when the cache folder cannot be.
 */
export function buildSnapshotLater(env: Env = process.env): void {
  const dir = snapshotDir(env);
  if (!dir) return;
  const lock = join(dir, 'build.lock');
  try {
    mkdirSync(dir, { recursive: true });
    if (existsSync(join(dir, SNAPSHOT_FAILED))) return;
    try {
      if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return;
      rmSync(lock, { force: true });
    } catch {
      // no lock: nobody is building
    }
    closeSync(openSync(lock, 'wx'));
  } catch {
    return;
  }
  const builder = fileURLToPath(new URL('./snapshot-build.js', import.meta.url));
  const child = spawn(process.execPath, [builder, lock], { detached: true, stdio: 'ignore', windowsHide: true, env: { ...env, NODE_OPTIONS: '' } });
  child.on('error', () => rmSync(lock, { force: true }));
  child.unref();
}
