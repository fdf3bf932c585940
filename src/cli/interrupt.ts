import { UserError } from '../errors.js';

/**
 * Ctrl-C during a batch: finish the file being written (writes are atomic, so
 * nothing half-written is left), then stop and say how far the run got.
 */
export interface Interruption {
  /** Throws when the user asked to stop; call between files. */
  check(done: number, total: number, what: string): void;
  dispose(): void;
}

export class InterruptedError extends UserError {
  constructor(done: number, total: number, what: string) {
    super({
      message: `đã dừng theo yêu cầu (Ctrl-C) sau ${done}/${total} ${what}; các tệp đã ghi đều trọn vẹn`,
      hint: 'chạy lại đúng lệnh đó để làm lại từ đầu; tệp cũ sẽ được ghi đè',
    });
    this.name = 'InterruptedError';
  }
}

export function watchInterrupt(): Interruption {
  let requested = false;
  const onSignal = () => {
    // A second Ctrl-C stops at once, as people expect.
    if (requested) process.exit(130);
    requested = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    check(done, total, what) {
      if (requested) throw new InterruptedError(done, total, what);
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
