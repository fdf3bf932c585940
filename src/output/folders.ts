import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { diskError } from './disk-errors.js';

/**
 * Makes `dir` and any missing parents. The returned function takes back the
 * folders this call made, those still empty, so a run that wrote nothing
 * leaves no trace.
 */
export async function makeFolders(dir: string): Promise<() => Promise<void>> {
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
  const top = first && resolve(first);
  return async () => {
    for (let d = resolve(dir); top && d.length >= top.length; d = dirname(d)) {
      if (!(await rmdir(d).then(() => true, () => false))) return;
    }
  };
}

async function firstMissing(dir: string): Promise<string> {
  const parent = dirname(dir);
  if (parent === dir || (await stat(parent).then(() => true, () => false))) return dir;
  return firstMissing(parent);
}
