import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshot, SNAPSHOT_FAILED, snapshotDir } from './snapshot.js';

// `node snapshot-build.js LOCK`: started by buildSnapshotLater in the background.
// Builds the startup snapshot into the cache folder, then lets the next build in.
const lock = process.argv[2];
try {
  buildSnapshot();
} catch (err) {
  // The CLI works without it, only slower to start. Not tried again for this Node and this bundle.
  const dir = snapshotDir();
  if (dir) writeFileSync(join(dir, SNAPSHOT_FAILED), `${err instanceof Error ? err.message : String(err)}\n`);
} finally {
  if (lock) rmSync(lock, { force: true });
}
