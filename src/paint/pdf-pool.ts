import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { PdfOptions } from './pdf.js';

/**
 * PDFs drawn on other cores. A batch whose files do not depend on each other
 * (a handout per class) lays out and checks on its own thread while workers draw:
 * each worker draws a document exactly as paintPdf does here (same fonts, same
 * code), so the bytes do not depend on which worker drew them, nor when.
 */
export interface PdfPool {
  /** Draws `doc` on a free worker; resolves with the same bytes paintPdf gives. */
  paint(doc: LaidOutDocument, options: PdfOptions): Promise<Buffer>;
  /** Resolves once fewer documents wait than the workers can take: await it before handing over the next, and a batch never queues up all its documents. */
  room(): Promise<void>;
  /** Ends the workers (after the documents handed over are drawn). */
  close(): Promise<void>;
}

interface Job {
  id: number;
  doc: LaidOutDocument;
  options: PdfOptions;
  resolve(bytes: Buffer): void;
  reject(err: unknown): void;
}

export type PoolReply = { id: number; bytes: Uint8Array } | { id: number; error: { message: string; stack?: string } };

/** Two documents per worker in flight: one drawing, one waiting, so no worker idles between them. */
const PER_WORKER = 2;

/** The workers' script, compiled next to this module. */
const WORKER = new URL('./pdf-worker.js', import.meta.url);

/** Whether workers can start here: not from the TypeScript sources (the tests' in-process runs), which draw on one thread. */
export const pdfPoolAvailable = (): boolean => existsSync(fileURLToPath(WORKER));

/** `size` workers, one fewer than the cores by default: the batch's own thread has work too. */
export function openPdfPool(size = Math.max(1, availableParallelism() - 1)): PdfPool {
  const workers = Array.from({ length: size }, () => new Worker(WORKER));
  const busy = new Map<Worker, Job[]>(workers.map((w) => [w, []]));
  let nextId = 0;
  let failure: unknown;
  const waiting: (() => void)[] = [];
  const outstanding = () => [...busy.values()].reduce((n, jobs) => n + jobs.length, 0);
  const wake = () => {
    while (waiting.length && outstanding() < size * PER_WORKER) waiting.shift()!();
  };
  for (const worker of workers) {
    worker.on('message', (reply: PoolReply) => {
      const jobs = busy.get(worker)!;
      const job = jobs.splice(jobs.findIndex((j) => j.id === reply.id), 1)[0]!;
      if ('bytes' in reply) job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else job.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      wake();
    });
    worker.on('error', (err) => {
      failure ??= err;
      for (const job of busy.get(worker)!.splice(0)) job.reject(err);
      wake();
    });
  }
  return {
    paint(doc, options) {
      if (failure) return Promise.reject(failure);
      return new Promise<Buffer>((resolve, reject) => {
        // The worker with the fewest documents; ties go to the first, so the order is fixed.
        const worker = workers.reduce((a, b) => (busy.get(b)!.length < busy.get(a)!.length ? b : a));
        const job: Job = { id: nextId++, doc, options, resolve, reject };
        busy.get(worker)!.push(job);
        worker.postMessage({ id: job.id, doc, options });
      });
    },
    room() {
      return outstanding() < size * PER_WORKER ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
