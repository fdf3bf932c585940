import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where scripts/build-snapshot.mjs puts the blob and what it was built for. */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../snapshot/', import.meta.url));
export const SNAPSHOT_BLOB = `${SNAPSHOT_DIR}vneid-print.blob`;
export const SNAPSHOT_STAMP = `${SNAPSHOT_DIR}stamp.json`;

/**
 * V8 cannot save a regular expression compiled to machine code, and a blob only
 * loads under the V8 flags it was built with: build and run with interpreted
 * regular expressions (no cost we can measure, see BENCHMARKS.md).
 */
export const SNAPSHOT_NODE_FLAGS = ['--regexp-interpret-all'];

/** What a blob depends on: it only loads in the same Node binary and flags, and holds this folder's paths. */
export interface SnapshotStamp {
  node: string;
  flags: string;
  execPath: string;
  platform: string;
  arch: string;
  dir: string;
}

export function currentStamp(): SnapshotStamp {
  return { node: process.version, flags: SNAPSHOT_NODE_FLAGS.join(' '), execPath: process.execPath, platform: process.platform, arch: process.arch, dir: SNAPSHOT_DIR };
}

/** Commands that lay out and draw; the rest start faster without the snapshot. */
const DRAWING = new Set(['leaflet', 'poster', 'image', 'banner', 'stickers', 'handout', 'kit']);

export const isDrawingCommand = (args: readonly string[]): boolean => DRAWING.has(args[0] ?? '');

/**
 * The blob to run `args` from, or undefined to run in this process: for light
 * commands and help, when Node was given flags of its own (a profiler, a loader,
 * or NODE_OPTIONS such as --max-old-space-size, which a blob refuses to load under),
 * when VNEID_PRINT_NO_SNAPSHOT is set, or when no blob was built for this Node.
 */
export function snapshotFor(args: readonly string[], { env = process.env, execArgv = process.execArgv } = {}): string | undefined {
  if (!isDrawingCommand(args) || args.some((a) => a === '--help' || a === '-h' || a === '--version')) return undefined;
  if (env.VNEID_PRINT_NO_SNAPSHOT || env.NODE_OPTIONS || execArgv.length) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(SNAPSHOT_STAMP, 'utf8')) as SnapshotStamp;
    const now = currentStamp();
    return (Object.keys(now) as (keyof SnapshotStamp)[]).every((k) => stamp[k] === now[k]) ? SNAPSHOT_BLOB : undefined;
  } catch {
    return undefined;
  }
}

/** Node's exit code when a blob does not load; nothing of the command has run then. */
export const SNAPSHOT_LOAD_FAILED = 14;
