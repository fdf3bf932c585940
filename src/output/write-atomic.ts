import { createWriteStream } from 'node:fs';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** The rename would replace whatever is at the path: never a folder, a device or a link. */
async function refuseSpecialFile(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (info && !info.isFile()) {
    throw new UserError({
      file: path,
      field: '--out',
      message: info.isDirectory() ? 'đây là một thư mục, không phải tên tệp' : 'chỗ này không phải tệp thường, không ghi đè được',
      hint: 'ghi tên một tệp mới, ví dụ to-roi.pdf',
    });
  }
}

/**
 * Writes a file so that it is either complete or absent: the bytes go to a
 * hidden temporary file beside it, which is then renamed into place.
 */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  await refuseSpecialFile(path);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${counter++}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export interface AtomicStream {
  write(chunk: Buffer): void;
  /** Resolves once the disk has caught up, so a fast writer does not pile chunks up in memory. */
  drained(): Promise<void>;
  /** Renames the finished file into place. */
  commit(): Promise<void>;
  /** Removes the unfinished file. */
  abort(): Promise<void>;
}

/** Like writeFileAtomic, for a file written piece by piece (a PDF of thousands of pages). */
export async function openAtomic(path: string): Promise<AtomicStream> {
  await refuseSpecialFile(path);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${counter++}`);
  const stream = createWriteStream(tmp);
  let failure: Error | undefined;
  stream.on('error', (err) => (failure = err));
  const closed = () => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.end(resolve)));
  return {
    write: (chunk) => void stream.write(chunk),
    drained: () => (stream.writableNeedDrain ? new Promise<void>((resolve) => stream.once('drain', resolve)) : Promise.resolve()),
    async commit() {
      await closed();
      if (failure) {
        await rm(tmp, { force: true });
        throw failure;
      }
      await rename(tmp, path);
    },
    async abort() {
      await closed();
      await rm(tmp, { force: true });
    },
  };
}
