import { describe, expect, it } from "vitest";
import { createBatcher } from "./ingest-batcher.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A batcher that records its batches and answers each item doubled, after `delayMs`. */
function recording(options: { maxBatch: number; maxWaitMs: number; maxInFlight?: number; delayMs?: number }) {
  const batches: number[][] = [];
  let running = 0;
  let mostRunning = 0;
  const batcher = createBatcher<number, number>({
    ...options,
    async run(items) {
      batches.push(items);
      running++;
      mostRunning = Math.max(mostRunning, running);
      await sleep(options.delayMs ?? 0);
      running--;
      return items.map((item) => item * 2);
    },
  });
  return { batcher, batches, mostRunning: () => mostRunning };
}

describe("ingest batcher", () => {
  it("coalesces concurrent submissions into one batch and answers each its own result", async () => {
    const { batcher, batches } = recording({ maxBatch: 100, maxWaitMs: 5 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("sends a full batch at once, without waiting for the timer", async () => {
    const { batcher, batches } = recording({ maxBatch: 3, maxWaitMs: 10_000 });
    const started = Date.now();
    await Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("with nothing running, sends what was submitted together at once, without waiting for the timer", async () => {
    const { batcher, batches } = recording({ maxBatch: 100, maxWaitMs: 10_000 });
    const started = Date.now();
    await Promise.all([1, 2].map((item) => batcher.submit(item)));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(batches).toEqual([[1, 2]]);
  });

  it("sends what gathered during a batch as soon as that batch ends, not after the timer", async () => {
    const { batcher, batches } = recording({ maxBatch: 100, maxWaitMs: 10_000, maxInFlight: 1, delayMs: 30 });
    const started = Date.now();
    const first = batcher.submit(0);
    await sleep(10);
    await Promise.all([first, ...[1, 2, 3].map((item) => batcher.submit(item))]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(batches).toEqual([[0], [1, 2, 3]]);
  });

  it("never runs more batches at once than allowed; items arriving meanwhile gather into the next batch", async () => {
    const { batcher, batches, mostRunning } = recording({ maxBatch: 50, maxWaitMs: 1, maxInFlight: 1, delayMs: 30 });
    const first = batcher.submit(0);
    await sleep(10); // the first batch is running now
    const rest = Array.from({ length: 20 }, (_, index) => batcher.submit(index + 1));
    await Promise.all([first, ...rest]);
    expect(mostRunning()).toBe(1);
    expect(batches).toEqual([[0], Array.from({ length: 20 }, (_, index) => index + 1)]);
  });

  it("splits more items than a batch holds and keeps their order", async () => {
    const { batcher, batches } = recording({ maxBatch: 4, maxWaitMs: 1, maxInFlight: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => batcher.submit(index)));
    expect(results).toEqual(Array.from({ length: 10 }, (_, index) => index * 2));
    expect(batches.flat()).toEqual(Array.from({ length: 10 }, (_, index) => index));
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(4);
  });

  it("rejects every item of a batch that throws, and goes on with the next batch", async () => {
    let calls = 0;
    const batcher = createBatcher<string, string>({
      maxBatch: 10,
      maxWaitMs: 1,
      async run(items) {
        calls++;
        if (calls === 1) throw new Error("database down");
        return items.map((item) => item.toUpperCase());
      },
    });
    const failed = await Promise.allSettled([batcher.submit("a"), batcher.submit("b")]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await batcher.submit("c")).toBe("C");
  });

  it("refuses a run that answers the wrong number of results", async () => {
    const batcher = createBatcher<number, number>({ maxBatch: 10, maxWaitMs: 1, run: async () => [1] });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow(/answered 1 results/);
  });

  it("drains: resolves once everything submitted has its result", async () => {
    const { batcher } = recording({ maxBatch: 2, maxWaitMs: 5, delayMs: 10 });
    const done: number[] = [];
    for (let item = 0; item < 5; item++) void batcher.submit(item).then((result) => done.push(result));
    await batcher.drain();
    expect(done.sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
    await batcher.drain(); // idle: at once
  });
});
