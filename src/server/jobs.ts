import { randomUUID } from 'node:crypto';
import { UserError } from '../errors.js';
import type { Made } from './products.js';
import { toFieldError, type FieldError } from './profile-form.js';

export interface Job {
  id: string;
  state: 'running' | 'done' | 'error';
  done: number;
  total: number;
  /** What `done` and `total` count, in the clerk's words ("tòa nhà", "lớp"); empty for a single file. */
  unit: string;
  errors?: FieldError[];
  result?: Made;
  at: number;
}

/** Finished files wait this long for their download, in memory only. */
const KEEP_MS = 15 * 60 * 1000;
const MAX_JOBS = 30;
/** More batches at once than this and the machine would crawl for everyone. */
const MAX_RUNNING = 4;

export const GENERIC_ERROR = 'Có lỗi bất ngờ trong chương trình; hãy thử lại. Nếu vẫn lỗi, báo cho người quản trị kèm thời điểm xảy ra.';

/**
 * Generation jobs with progress ("450 / 1.000 tòa nhà"), keyed by random ids so that people
 * using the page at the same time each get their own file.
 */
export class Jobs {
  private jobs = new Map<string, Job>();

  start(run: (progress: (done: number, total: number, unit?: string) => void) => Promise<Made>, onCrash: (err: unknown) => void): Job {
    this.expire();
    if ([...this.jobs.values()].filter((j) => j.state === 'running').length >= MAX_RUNNING) {
      throw new UserError({ message: 'máy đang làm nhiều tệp cho người khác', hint: 'đợi một lát rồi bấm tải về lần nữa' });
    }
    const job: Job = { id: randomUUID(), state: 'running', done: 0, total: 1, unit: '', at: Date.now() };
    this.jobs.set(job.id, job);
    run((done, total, unit = '') => {
      job.done = done;
      job.total = total;
      job.unit = unit;
    }).then(
      (made) => {
        job.state = 'done';
        job.result = made;
        job.at = Date.now();
      },
      (err: unknown) => {
        job.state = 'error';
        job.at = Date.now();
        if (err instanceof UserError) job.errors = err.problems.map(toFieldError);
        else {
          job.errors = [{ message: GENERIC_ERROR }];
          onCrash(err);
        }
      },
    );
    return job;
  }

  get(id: string): Job | undefined {
    this.expire();
    return this.jobs.get(id);
  }

  private expire() {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.state !== 'running' && now - j.at > KEEP_MS) this.jobs.delete(id);
    // Too many finished files waiting: the oldest go first.
    for (const [id, j] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (j.state !== 'running') this.jobs.delete(id);
    }
  }
}
