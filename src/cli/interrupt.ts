import { constants } from 'node:os';
import { formatProblem, UserError } from '../errors.js';

/** What stops a run from outside, what the user is told, and the exit code (128 + the signal's number, as shells say). */
const STOPS = {
  SIGINT: { code: 130, says: 'đã dừng theo yêu cầu (Ctrl-C)' },
  SIGTERM: { code: 143, says: 'đã dừng vì có lệnh tắt chương trình (SIGTERM)' },
  SIGHUP: { code: 129, says: 'đã dừng vì cửa sổ dòng lệnh đã đóng (SIGHUP)' },
  // The bin that started this process from the snapshot was killed (kill -9): nobody waits for the result.
  parent: { code: 129, says: 'đã dừng vì chương trình khởi chạy lệnh này đã bị tắt' },
} as const;
type StopCause = keyof typeof STOPS;

export class InterruptedError extends UserError {
  readonly exitCode: number;

  constructor(cause: StopCause, progress?: { done: number; total: number; what: string }) {
    super({
      message: progress
        ? `${STOPS[cause].says} sau ${progress.done}/${progress.total} ${progress.what}; chưa tạo tệp nào`
        : `${STOPS[cause].says}; không để lại tệp ghi dở nào`,
      hint: 'chạy lại đúng lệnh đó khi cần; tệp cũ (nếu có) vẫn còn nguyên',
    });
    this.name = 'InterruptedError';
    this.exitCode = STOPS[cause].code;
  }
}

/** Batches that can stop between two items; a signal outside them stops the run at once. */
export interface Interruption {
  /** Throws when a stop was asked for; call between items. */
  check(done: number, total: number, what: string): void;
  dispose(): void;
}

let requested: StopCause | undefined;
let batches = 0;
let installed = false;

/**
 * For the drawing commands: Ctrl-C, SIGTERM or SIGHUP, or the launching bin
 * going away, stop the run and say so. Inside a batch the first stops it
 * between two items; otherwise, or the second time, it stops at once. Either
 * way no temporary file is left (src/output/temp-files.ts).
 */
export function stopOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // Started by the bin (src/cli/main.ts) with an IPC channel: it closes when the bin dies, however it dies.
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', () => stop('parent'));
  }
}

function stop(cause: StopCause): void {
  if (batches > 0 && !requested) {
    requested = cause;
    return;
  }
  process.stderr.write(`${formatProblem(new InterruptedError(cause).problems[0]!)}\n`);
  process.exit(STOPS[cause].code);
}

/**
 * The bin's word for its child, stopped by `signal` before the child could say
 * so itself (while it was still starting, or by a signal nobody can catch).
 * Returns the exit code a shell would show.
 */
export function reportStopped(signal: NodeJS.Signals): number {
  // A signal the child handles only ends it this way before it has started work.
  const said = signal in STOPS ? `${STOPS[signal as StopCause].says}; chưa tạo tệp nào` : `đã dừng vì bị tắt (${signal}); tệp tạm (nếu có) sẽ được dọn ở lần chạy sau`;
  process.stderr.write(`${said}\n`);
  return 128 + constants.signals[signal];
}

export function watchInterrupt(): Interruption {
  batches++;
  return {
    check(done, total, what) {
      // Once the last item is drawn there is nothing left to stop between: a finished batch is kept.
      if (requested && done < total) throw new InterruptedError(requested, { done, total, what });
    },
    dispose() {
      batches--;
    },
  };
}
