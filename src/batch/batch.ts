// What a batch writes to and tells on the way, whoever runs it: the command
// line writes into a staged folder (output/staged-output.ts) with a progress
// bar and Ctrl-C; the web page keeps the files in memory and polls progress.

/** Where a batch puts its files, by relative name with "/" (a staged folder, memory). */
export interface BatchSink {
  write(name: string, data: Buffer | string): Promise<void>;
  /** A file written piece by piece (a PDF of thousands of pages). */
  stream(name: string): Promise<BatchStream>;
}

export interface BatchStream {
  write(chunk: Buffer): void;
  /** Resolves once the sink has caught up, so a fast writer does not pile chunks up in memory. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export interface BatchHooks {
  /** `done` of `total` items of one kind (`unit`, in the user's words: "tờ tem", "lớp"); 0 when a kind begins. */
  progress?(done: number, total: number, unit: string): void;
  /** Called between items with the same counts; throws to stop the batch there (Ctrl-C). */
  checkStop?(done: number, total: number, unit: string): void;
}

export interface Batch<R> {
  /** Every file the batch writes, known before any is drawn, so destinations are checked first. */
  files: readonly string[];
  /** Items it reports, all kinds together: the length of a progress bar. */
  steps: number;
  run(sink: BatchSink, hooks?: BatchHooks): Promise<R>;
}

/** Lets others in between two items: a progress poll, a signal, a second Ctrl-C (the page's worker has no setImmediate). */
export const breathe = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** After each item: says so, lets others in, and stops there when asked. */
export async function itemDone(hooks: BatchHooks, done: number, total: number, unit: string): Promise<void> {
  hooks.progress?.(done, total, unit);
  await breathe();
  hooks.checkStop?.(done, total, unit);
}

/** A sink that keeps every file in memory (the web page's: nothing touches the disk). */
export function memorySink(): BatchSink & { file(name: string): Buffer } {
  const files = new Map<string, Buffer>();
  return {
    async write(name, data) {
      files.set(name, Buffer.from(data));
    },
    async stream(name) {
      const chunks: Buffer[] = [];
      return {
        write: (chunk) => void chunks.push(chunk),
        drained: async () => {},
        close: async () => void files.set(name, Buffer.concat(chunks)),
      };
    },
    file(name) {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`${name} was not written by the batch`);
      return bytes;
    },
  };
}
