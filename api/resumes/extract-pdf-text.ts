// Text of a PDF via pdf.js in worker threads (pdf-text-worker.mjs), with hard
// limits: pages read, heap, and wall-clock time per file. A file over a limit
// gets its worker terminated, which is the only way to stop pdf.js mid-parse;
// the slot starts a fresh worker for the next file.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_PDF_PAGES, MAX_RESUME_TEXT_CHARS, PDF_TIMEOUT_MS, PDF_WORKER_HEAP_MB } from './resume-limits';
import { layoutPdfPage, type TPdfTextItem } from './pdf-text-layout';
import type { TTextExtraction } from './extraction-result';

export interface TPdfExtractorOptions {
  /** Worker threads; defaults to one per spare core (at least one). */
  poolSize?: number;
  timeoutMs?: number;
  maxPages?: number;
  heapMb?: number;
}

export interface TPdfTextExtractor {
  extract(bytes: Uint8Array): Promise<TTextExtraction>;
  /** Starts the workers now so the first upload does not pay for loading pdf.js. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

type TWorkerReply =
  | { id: number; isOk: true; pageCount: number; pages: TPdfTextItem[][]; urls: string[]; isTruncated: boolean }
  | { id: number; isOk: false; errorName: string; message: string };

interface TJob {
  id: number;
  bytes: Uint8Array;
  resolve(result: TTextExtraction): void;
}

interface TSlot {
  worker: Worker | null;
  ready: Promise<void> | null;
  job: TJob | null;
}

const WORKER_FILE = join(__dirname, 'pdf-text-worker.mjs');

export function createPdfTextExtractor(options: TPdfExtractorOptions = {}): TPdfTextExtractor {
  const poolSize = options.poolSize ?? Math.max(1, availableParallelism() - 1);
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const heapMb = options.heapMb ?? PDF_WORKER_HEAP_MB;
  const slots: TSlot[] = Array.from({ length: poolSize }, () => ({ worker: null, ready: null, job: null }));
  const queue: TJob[] = [];
  let nextId = 1;
  let isClosed = false;

  function spawn(slot: TSlot): Promise<void> {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    slot.worker = worker;
    slot.ready = new Promise((resolve) => {
      worker.on('message', (message: { ready: true } | TWorkerReply) => {
        if ('ready' in message) return resolve();
        finish(slot, worker, toExtraction(message));
      });
    });
    // A crash (out of memory, a bug in pdf.js) ends this file, not the pool.
    worker.on('error', (error) => retire(slot, worker, { isOk: false, reason: 'too_complex', message: `the PDF could not be processed: ${error.message}` }));
    worker.on('exit', () => retire(slot, worker, { isOk: false, reason: 'malformed', message: 'the PDF reader stopped unexpectedly' }));
    // Referenced while it has work (loading counts), so a script awaiting a
    // result does not exit under it; unreferenced when idle (see finish).
    return slot.ready;
  }

  function retire(slot: TSlot, worker: Worker, result: TTextExtraction) {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.ready = null;
    void worker.terminate();
    finish(slot, worker, result);
  }

  function finish(slot: TSlot, worker: Worker, result: TTextExtraction) {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (slot.worker === worker) worker.unref();
    job.resolve(result);
    pump();
  }

  function run(slot: TSlot, job: TJob) {
    slot.job = job;
    const worker = slot.worker!;
    worker.ref();
    const timer = setTimeout(() => retire(slot, worker, { isOk: false, reason: 'too_complex', message: `the PDF took longer than ${timeoutMs} ms to read` }), timeoutMs);
    const resolve = job.resolve;
    job.resolve = (result) => { clearTimeout(timer); resolve(result); };
    // Copied, not transferred: the caller still stores the original bytes.
    worker.postMessage({ id: job.id, data: job.bytes, maxPages, maxChars: MAX_RESUME_TEXT_CHARS });
  }

  function pump() {
    for (const slot of slots) {
      if (slot.job || queue.length === 0 || isClosed) continue;
      const job = queue.shift()!;
      slot.job = job; // reserved while a fresh worker loads pdf.js
      const ready = slot.worker ? slot.ready! : spawn(slot);
      void ready.then(() => { if (slot.job === job && slot.worker) run(slot, job); });
    }
  }

  return {
    extract(bytes) {
      if (isClosed) return Promise.resolve({ isOk: false, reason: 'malformed', message: 'the PDF extractor is closed' });
      return new Promise((resolve) => {
        queue.push({ id: nextId++, bytes, resolve });
        pump();
      });
    },
    async warmUp() {
      await Promise.all(slots.map(async (slot) => {
        await (slot.worker ? slot.ready : spawn(slot));
        if (!slot.job) slot.worker?.unref();
      }));
    },
    async close() {
      isClosed = true;
      const closed: TTextExtraction = { isOk: false, reason: 'malformed', message: 'the PDF extractor is closed' };
      for (const job of queue.splice(0)) job.resolve(closed);
      await Promise.all(slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        slot.job?.resolve(closed);
        slot.job = null;
        if (worker) await worker.terminate();
      }));
    },
  };
}

function toExtraction(reply: TWorkerReply): TTextExtraction {
  if (!reply.isOk) {
    if (reply.errorName === 'PasswordException') return { isOk: false, reason: 'encrypted', message: 'the PDF is password-protected' };
    return { isOk: false, reason: 'malformed', message: `the PDF could not be read (${reply.message.slice(0, 200)})` };
  }
  const text = reply.pages.map(layoutPdfPage).join('\n\n');
  if (text.replace(/\s+/g, '') === '') {
    return { isOk: false, reason: 'no_text', message: 'the PDF has no text layer (scanned or image-only); OCR is not supported' };
  }
  return {
    isOk: true, kind: 'pdf', text: text.slice(0, MAX_RESUME_TEXT_CHARS), urls: [...new Set(reply.urls)],
    pageCount: reply.pageCount, isTruncated: reply.isTruncated || text.length > MAX_RESUME_TEXT_CHARS,
  };
}

let shared: TPdfTextExtractor | undefined;

/** The process-wide extractor the apply endpoint and the seed use. */
export function sharedPdfTextExtractor(): TPdfTextExtractor {
  shared ??= createPdfTextExtractor();
  return shared;
}

/** Shutdown: stops the shared extractor's workers; a later call to sharedPdfTextExtractor() starts a fresh one. */
export async function closeSharedPdfTextExtractor(): Promise<void> {
  const closing = shared;
  shared = undefined;
  await closing?.close();
}
