import { UserError } from '../errors.js';

/**
 * Ctrl-C during a batch: stop between two items and say how far the run got;
 * the batch's files, written in a hidden folder, are dropped.
 */
export interface Interruption {
  /** Throws when the user asked to stop; call between files. */
  check(done: number, total: number, what: string): void;
  dispose(): void;
}

export class InterruptedError extends UserError {
  constructor(done: number, total: number, what: string) {
    super({
      message: `đã dừng theo yêu cầu (Ctrl-C) sau ${done}/${total} ${what}; chưa tạo tệp nào`,
      hint: 'chạy lại đúng lệnh đó khi cần; tệp cũ (nếu có) vẫn còn nguyên',
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
