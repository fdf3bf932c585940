import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { diskError } from './disk-errors.js';
import { releaseFolders, trackFolders } from './temp-files.js';

export interface MadeFolders {
  /** Removes the folders made, those still empty. */
  undo(): Promise<void>;
  /** They hold the run's files now: keep them. */
  keep(): void;
}

/**
 * Makes `dir` and any missing parents, so that a run that writes nothing can
 * take them back, and does so even when stopped at once (src/output/temp-files.ts).
 */
export async function makeFolders(dir: string): Promise<MadeFolders> {
  let first: string | undefined;
  try {
    first = await mkdir(dir, { recursive: true }).catch(async (err: NodeJS.ErrnoException) => {
      // Node's recursive mkdir says ENOENT for any failure below the top (a read-only
      // disk, no permission): making the first missing folder alone gives the cause.
      if (err.code !== 'ENOENT') throw err;
      await mkdir(await firstMissing(resolve(dir)));
      return mkdir(dir, { recursive: true });
    });
  } catch (err) {
    throw diskError(err, dir);
  }
  const made: string[] = [];
  for (let d = resolve(dir); first && d.length >= resolve(first).length; d = dirname(d)) made.push(d);
  trackFolders(made);
  return {
    async undo() {
      for (const d of made) if (!(await rmdir(d).then(() => true, () => false))) break;
      releaseFolders(made);
    },
    keep: () => releaseFolders(made),
  };
}

async function firstMissing(dir: string): Promise<string> {
  const parent = dirname(dir);
  if (parent === dir || (await stat(parent).then(() => true, () => false))) return dir;
  return firstMissing(parent);
}
