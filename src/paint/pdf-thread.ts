import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Page } from '../layout/display-list.js';
import type { PdfOptions, PdfWriter } from './pdf.js';

/**
 * One long PDF drawn on another core while this thread lays out and checks the
 * next pages (a sticker batch's sheets): the worker writes it exactly as openPdf
 * does here (same fonts, same code), so the bytes are the same, handed to `sink`
 * in order, a page's worth at a time.
 */
export interface ThreadPdfWriter extends PdfWriter {
  /** Resolves once few enough pages wait for the worker: await it after each page, and memory stays flat for any batch. */
  room(): Promise<void>;
  /** Stops the worker without finishing the file (the batch failed or was stopped). */
  abort(): Promise<void>;
}

/** Messages to the worker (pdf-thread-worker.ts) and back. */
export type ToThread = { open: { meta: { title: string; author: string }; options: PdfOptions } } | { page: Page } | { end: true };
export type FromThread = { bytes: Uint8Array; pages?: number } | { ended: true } | { error: { message: string; stack?: string } };

/** Pages handed over and not yet drawn, at most: the worker never idles, and the batch never queues up its pages. */
const AHEAD = 4;

const SCRIPT = new URL('./pdf-thread-worker.js', import.meta.url);

/** Whether the worker can start here: not from the TypeScript sources (the tests' in-process runs), which draw on this thread. */
export const pdfThreadAvailable = (): boolean => existsSync(fileURLToPath(SCRIPT));

export function openPdfOnThread(meta: { title: string; author: string }, options: PdfOptions, sink: (chunk: Buffer) => void): ThreadPdfWriter {
  const worker = new Worker(SCRIPT);
  let sent = 0;
  let drawn = 0;
  let failure: Error | undefined;
  let waiting: { resolve(): void; reject(err: Error): void }[] = [];
  let ending: { resolve(): void; reject(err: Error): void } | undefined;
  const settle = () => {
    if (failure) {
      for (const w of waiting) w.reject(failure);
      ending?.reject(failure);
      waiting = [];
      ending = undefined;
      return;
    }
    while (waiting.length && sent - drawn < AHEAD) waiting.shift()!.resolve();
  };
  const fail = (err: Error) => {
    failure ??= err;
    settle();
    void worker.terminate();
  };
  worker.on('message', (m: FromThread) => {
    if ('bytes' in m) {
      if (m.bytes.length) sink(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      if (m.pages !== undefined) drawn = m.pages;
      settle();
    } else if ('ended' in m) {
      ending?.resolve();
      ending = undefined;
      void worker.terminate();
    } else {
      fail(Object.assign(new Error(m.error.message), { stack: m.error.stack }));
    }
  });
  worker.on('error', fail);
  const post = (message: ToThread) => worker.postMessage(message);
  post({ open: { meta, options } });
  return {
    addPage(page) {
      if (failure) throw failure;
      post({ page });
      sent++;
    },
    room() {
      if (failure) return Promise.reject(failure);
      return sent - drawn < AHEAD ? Promise.resolve() : new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    end() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        ending = { resolve, reject };
        post({ end: true });
      });
    },
    async abort() {
      failure ??= new Error('the PDF was abandoned');
      await worker.terminate();
    },
  };
}
