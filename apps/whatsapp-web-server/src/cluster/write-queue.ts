import type { SQL } from "bun";
import type { Logger } from "../logger.ts";

/** One write to Postgres, run inside the queue's transaction. */
export type Write = (tx: SQL) => Promise<unknown>;

/**
 * Copies the local stores' writes to Postgres in the order they happened: writes are queued
 * synchronously (the stores' interfaces are synchronous) and run in batches, one transaction a
 * batch. A failed batch is retried as a whole after a pause, so order is kept. `flush` waits until
 * everything queued so far is written: a session is handed over only after it.
 */
export class WriteQueue {
  private pending: Write[] = [];
  private running: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly sql: SQL,
    private readonly logger: Logger,
  ) {}

  push(write: Write): void {
    this.pending.push(write);
    this.running ??= this.run();
  }

  /** Resolves once every write queued before the call is in Postgres. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  get size(): number {
    return this.pending.length;
  }

  private async run(): Promise<void> {
    // Let the current synchronous burst of writes join the batch.
    await Promise.resolve();
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await this.sql.begin(async (tx) => {
            for (const write of batch) await write(tx);
          });
          this.failures = 0;
        } catch (error) {
          this.failures += 1;
          this.logger.error(`cluster: writing ${batch.length} change(s) to Postgres failed (attempt ${this.failures}), retrying`, error);
          this.pending = [...batch, ...this.pending];
          await Bun.sleep(Math.min(5_000, 200 * this.failures));
        }
      }
    } finally {
      this.running = null;
    }
  }
}
