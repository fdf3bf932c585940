import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { checkDestinations, checkOutFolder } from './destination.js';
import { diskError } from './disk-errors.js';
import { makeFolders } from './folders.js';
import { removeTemp, sweepStaleTemps, tempPath } from './temp-files.js';

/**
 * The files of a batch, written into a hidden folder inside the output folder and moved
 * into place only when every one is complete: a run that fails or is stopped
 * leaves the folder as it found it.
 */
export interface StagedOutput {
  /** Writes one of the planned files. */
  write(name: string, data: Buffer | string): Promise<void>;
  /** One of the planned files, written piece by piece (a PDF of thousands of pages). */
  stream(name: string): Promise<StagedStream>;
  /** Moves every planned file into place; returns their paths. */
  commit(): Promise<string[]>;
  /** Removes the hidden folder and all in it. */
  discard(): Promise<void>;
}

export interface StagedStream {
  write(chunk: Buffer): void;
  /** Resolves once the disk has caught up, so a fast writer does not pile chunks up in memory; rejects on a failed write. */
  drained(): Promise<void>;
  /** Finishes the file; rejects on a failed write. */
  close(): Promise<void>;
}

/** Some files were moved into place before a failure: the user must know exactly which. */
export class PartialOutputError extends UserError {
  constructor(
    problem: Problem,
    readonly written: string[],
    readonly missing: string[],
  ) {
    super(problem);
    this.name = 'PartialOutputError';
  }
}

/**
 * Checks the output folder and every destination of `names` (relative to `out`, with "/"),
 * then opens the hidden folder; nothing is written before all are fine.
 */
export async function stageOutput(out: string, names: readonly string[]): Promise<StagedOutput> {
  await checkOutFolder(out);
  await checkDestinations(out, names);
  const folders = await makeFolders(out);
  await sweepStaleTemps(out);
  const dir = tempPath(out);
  try {
    await mkdir(dir);
  } catch (err) {
    await removeTemp(dir);
    await folders.undo();
    throw diskError(err, out);
  }

  const planned = new Set(names);
  const written = new Set<string>();
  const open = new Set<WriteStream>();
  let discarded = false;
  const place = async (name: string) => {
    if (!planned.has(name)) throw new Error(`${name} was not checked before the batch started`);
    if (discarded) throw new Error(`${name} written after the batch was discarded`);
    written.add(name);
    await mkdir(dirname(join(dir, name)), { recursive: true });
    return join(dir, name);
  };
  const discard = async () => {
    discarded = true;
    await Promise.all([...open].map((s) => new Promise<void>((resolve) => s.destroy().once('close', () => resolve()))));
    await removeTemp(dir);
    await folders.undo();
  };

  return {
    async write(name, data) {
      try {
        await writeFile(await place(name), data);
      } catch (err) {
        throw diskError(err, join(out, name));
      }
    },
    async stream(name) {
      let stream: WriteStream;
      try {
        stream = createWriteStream(await place(name));
      } catch (err) {
        throw diskError(err, join(out, name));
      }
      open.add(stream);
      stream.once('close', () => open.delete(stream));
      return streamOf(stream, join(out, name));
    },
    async commit() {
      const unwritten = names.filter((n) => !written.has(n));
      if (unwritten.length || open.size) throw new Error(`batch committed before writing ${unwritten.join(', ') || 'to the end'}`);
      // Again: something may have appeared in the folder while the batch was drawn.
      await checkDestinations(out, names).catch(async (err) => {
        await discard();
        throw err;
      });
      const moved: string[] = [];
      try {
        for (const name of names) {
          await mkdir(dirname(join(out, name)), { recursive: true });
          await rename(join(dir, name), join(out, name));
          moved.push(join(out, name));
        }
      } catch (err) {
        await discard();
        const cause = diskError(err, join(out, names[moved.length]!));
        if (!moved.length || !(cause instanceof UserError)) throw cause;
        throw new PartialOutputError(cause.problems[0]!, moved, names.slice(moved.length).map((n) => join(out, n)));
      }
      await removeTemp(dir);
      folders.keep();
      return moved;
    },
    discard,
  };
}

function streamOf(stream: WriteStream, file: string): StagedStream {
  let failure: unknown;
  stream.on('error', (err) => (failure = diskError(err, file)));
  // A failed stream never drains, but it always closes.
  const closedOrDrained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done).off('close', done);
        resolve();
      };
      stream.on('drain', done).on('close', done);
    });
  return {
    write: (chunk) => void (failure || stream.write(chunk)),
    async drained() {
      if (!failure && stream.writableNeedDrain) await closedOrDrained();
      if (failure) throw failure;
    },
    async close() {
      if (!failure) stream.end();
      await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', resolve)));
      if (failure) throw failure;
    },
  };
}
