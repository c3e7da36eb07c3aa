/**
 * Coalesces concurrent submissions into batches, with at most `maxInFlight` batches running. With
 * nothing running, what was submitted in the same turn of the event loop goes at once (an idle
 * server adds no wait). While batches run, new items gather: when a batch ends, everything that
 * waited goes into the next one; a free slot beside a running batch waits up to `maxWaitMs` for
 * more; a full batch (`maxBatch`) goes at once. So batches grow with the load and the cost per
 * item (one transaction, a few statements) falls as traffic rises.
 *
 * Hand-written rather than DataLoader: DataLoader fixes each batch when its timer fires, so with
 * a limit on batches in flight, items would queue in many small batches instead of joining the
 * next one.
 */
export interface BatcherOptions<Item, Result> {
  maxBatch: number;
  maxWaitMs: number;
  /** Batches running at once; 1 keeps batches in arrival order (an ack after its message). */
  maxInFlight?: number;
  /** Runs one batch; answers one result per item, in order. A rejection fails every item of the batch. */
  run(items: Item[]): Promise<Result[]>;
}

export interface Batcher<Item, Result> {
  /** Resolves with the item's result once its batch ran. */
  submit(item: Item): Promise<Result>;
  /** Resolves once every item submitted so far has its result. */
  drain(): Promise<void>;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export function createBatcher<Item, Result>(options: BatcherOptions<Item, Result>): Batcher<Item, Result> {
  const maxInFlight = options.maxInFlight ?? 1;
  let queue: Waiting<Item, Result>[] = [];
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let immediate: ReturnType<typeof setImmediate> | null = null;
  /** The oldest waiting item has waited its `maxWaitMs` (the timer fired while every slot was busy). */
  let due = false;
  const idle: (() => void)[] = [];

  function schedule() {
    if (queue.length === 0) {
      if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
      return;
    }
    if (inFlight < maxInFlight && (due || queue.length >= options.maxBatch)) {
      flush();
      return;
    }
    if (inFlight === 0) {
      immediate ??= setImmediate(() => {
        immediate = null;
        due = true;
        schedule();
      });
      return;
    }
    timer ??= setTimeout(() => {
      timer = null;
      due = true;
      schedule();
    }, options.maxWaitMs);
  }

  function flush() {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = null;
    immediate = null;
    const batch = queue.slice(0, options.maxBatch);
    queue = queue.slice(batch.length);
    // What is left waited as long as the batch that just went: it goes as soon as a slot frees.
    due = queue.length > 0;
    inFlight++;
    void options
      .run(batch.map((waiting) => waiting.item))
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
          batch.forEach((waiting, index) => waiting.resolve(results[index] as Result));
        },
      )
      .catch((error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
      })
      .finally(() => {
        inFlight--;
        // What arrived while this batch ran has waited long enough: it takes the freed slot now.
        if (queue.length > 0) due = true;
        schedule();
      });
    schedule();
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
