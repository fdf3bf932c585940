import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkOutFile } from './destination.js';
import { diskError } from './disk-errors.js';
import { makeFolders } from './folders.js';
import { releaseTemp, removeTemp, sweepStaleTemps, tempPath } from './temp-files.js';

/**
 * Writes a file so that it is either complete or absent: the bytes go to a
 * hidden temporary file beside it, which is then renamed into place. A failure
 * says why in the user's words (full disk, read-only disk…).
 */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  await checkOutFile(path); // again: the folder may have changed while we drew
  const dir = dirname(path);
  const folders = await makeFolders(dir);
  await sweepStaleTemps(dir);
  const tmp = tempPath(dir);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
    releaseTemp(tmp);
    folders.keep();
  } catch (err) {
    await removeTemp(tmp);
    await folders.undo();
    throw diskError(err, path);
  }
}

/**
 * Writes the files that belong together (the two sides of a leaflet as pictures):
 * all of them, or, when one fails, none, so a failed run never leaves half a set.
 */
export async function writeAllOrNone(files: readonly { name: string; bytes: Buffer }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const f of files) {
      await writeFileAtomic(f.name, f.bytes);
      written.push(f.name);
    }
  } catch (err) {
    await Promise.all(written.map((name) => rm(name, { force: true })));
    throw err;
  }
}
