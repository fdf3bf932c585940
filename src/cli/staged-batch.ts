import { setFlagsFromString } from 'node:v8';
import type { BatchHooks, BatchSink } from '../batch/batch.js';
import { stageOutput } from '../output/staged-output.js';
import { watchInterrupt } from './interrupt.js';
import { startProgress } from './progress.js';

export interface StagedBar {
  /** What the bar says it is doing ("Đang làm tem"). */
  label: string;
  /** Items of every kind together. */
  total: number;
  quiet: boolean;
}

/**
 * Runs a batch into --out all or nothing: checks every destination of `names`
 * first, writes into a hidden folder with a progress bar (when `bar` is given)
 * and Ctrl-C honoured between items, then moves every file into place, or
 * removes them all when anything fails or stops. Returns what `work` returned
 * and the paths written.
 */
export async function runStaged<T>(out: string, names: readonly string[], bar: StagedBar | undefined, work: (sink: BatchSink, hooks: BatchHooks) => Promise<T>): Promise<{ result: T; paths: string[] }> {
  boundHeapGrowth();
  const staged = await stageOutput(out, names);
  const progress = startProgress(bar?.label ?? '', bar?.total ?? 0, bar?.quiet ?? true);
  const interrupt = watchInterrupt();
  // Each kind of item ("tờ tem", then "ảnh tem") counts on one bar.
  const done = new Map<string, number>();
  const hooks: BatchHooks = {
    progress(n, _total, unit) {
      done.set(unit, n);
      progress.update([...done.values()].reduce((a, b) => a + b, 0));
    },
    checkStop: (n, total, unit) => interrupt.check(n, total, unit),
  };
  try {
    const result = await work(staged, hooks);
    return { result, paths: await staged.commit() };
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/**
 * A batch holds the same few tens of megabytes live from its first sheet to its
 * last, but V8 lets its heap grow to four times what is live between full
 * collections, so a long batch would take more memory than a short one for
 * nothing. Growing by half keeps the peak flat (10,000 stickers within 1.2× of
 * 1,000) for a few more collections. The flag is read at each collection, so it
 * takes effect at run time, snapshot or not.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
