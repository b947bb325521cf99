// Group commit for the send path: sends that arrive while a batch is being
// written wait and go together in the next one, so a worker running many send
// activities at once pays a transaction per batch instead of per email. One
// batch is in flight at a time per pool; a batch that fails is retried item by
// item, so one bad message never fails the others. Items with the same key never
// share a batch (the second waits for the next).
export interface TBatcherOptions<I> {
  maxBatch: number;
  keyOf?: (item: I) => string;
}

interface Pending<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, opts: TBatcherOptions<I>): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let isBusy = false;

  function take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < opts.maxBatch; ) {
      const key = opts.keyOf?.(queue[i]!.item);
      if (key !== undefined && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(...queue.splice(i, 1));
    }
    return batch;
  }

  async function flush() {
    const batch = take();
    try {
      const outs = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(outs[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const p of batch) await run([p.item]).then(([out]) => p.resolve(out!), p.reject);
    } finally {
      isBusy = false;
      schedule();
    }
  }

  function schedule() {
    if (isBusy || !queue.length) return;
    isBusy = true;
    // Whatever arrives in this turn of the event loop joins the batch.
    setImmediate(() => void flush());
  }

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    schedule();
  });
}
