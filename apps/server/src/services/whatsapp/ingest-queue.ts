import { type Database, hasCause } from "@nexis/db";
import { isStoreConflict } from "@nexis/db/queries/ingest";
import type { Logger } from "@nexis/observability";
import { defaultLogger } from "../../default-logger.ts";
import type { EventBus } from "../events/workspace-events.ts";
import { type AppliedWebhook, applyWebhookBatch, type IngestItem } from "./ingest.ts";
import { createBatcher } from "./ingest-batcher.ts";

/**
 * Postgres gave up a transaction for a deadlock or a serialization failure, or another batch
 * created one of its chats meanwhile: running it again may succeed.
 */
function isConflictAbort(error: unknown): boolean {
  return isStoreConflict(error) || hasCause(error, (cause) => cause.code === "40P01" || cause.code === "40001");
}

/** A webhook's fate: stored (or a duplicate of one stored), or failed on its own. */
export type IngestOutcome = { duplicate: boolean } | { error: unknown };

export interface IngestQueueOptions {
  db: Database;
  events: EventBus;
  /** Webhooks per batch at most (default 200). */
  maxBatch?: number;
  /** How long the first webhook of a batch waits for others (default 5 ms). */
  maxWaitMs?: number;
  /**
   * Transactions at once (default 1). Above 1, batches of new messages overlap (the database
   * orders their writes on the same rows), while a batch holding any other event (an ack, an
   * edit, a group change) waits for the batches before it, so it finds the messages it names.
   */
  maxInFlight?: number;
  /** Called for each webhook once its batch committed (e.g. to queue media downloads); must not throw. */
  afterCommit?: (item: IngestItem, applied: AppliedWebhook) => void;
  /** Where failed after-commit work is reported; the default logger when unset. */
  logger?: Logger;
}

export interface IngestQueue {
  /** Resolves once the webhook's batch committed (or it failed alone). */
  submit(item: IngestItem): Promise<IngestOutcome>;
  drain(): Promise<void>;
}

/**
 * Verified webhooks go through here: concurrent ones are applied together (`applyWebhookBatch`:
 * one statement, or one transaction). If a batch fails, its webhooks are applied again one by
 * one, so one that the database refuses fails alone and its neighbours are stored. Live events
 * are published, and after-commit work started, only once the batch committed.
 */
export function createIngestQueue(options: IngestQueueOptions): IngestQueue {
  const { db, events } = options;
  const logger = options.logger ?? defaultLogger;

  function committed(items: IngestItem[], applied: AppliedWebhook[]) {
    applied.forEach((result, index) => {
      const { workspaceId } = (items[index] as IngestItem).target;
      for (const event of result.events) events.publish(workspaceId, event);
      try {
        options.afterCommit?.(items[index] as IngestItem, result);
      } catch (error) {
        // Committed already: a failing follow-up must not make the webhook look unstored.
        logger.error("webhook after-commit work failed", error);
      }
    });
  }

  /** Applies a batch; runs it again (up to three times in all) when it lost to an overlapping batch. */
  async function apply(items: IngestItem[]): Promise<IngestOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await applyWebhookBatch(db, items);
        committed(items, applied);
        return applied.map((result) => ({ duplicate: result.duplicate }));
      } catch (error) {
        if (attempt < 3 && isConflictAbort(error)) continue;
        throw error;
      }
    }
  }

  async function applyBatch(items: IngestItem[]): Promise<IngestOutcome[]> {
    try {
      return await apply(items);
    } catch (error) {
      if (items.length === 1) return [{ error }];
      // One webhook the database refuses must not fail the others: each alone, in order.
      const outcomes: IngestOutcome[] = [];
      for (const item of items) outcomes.push(...(await applyBatch([item])));
      return outcomes;
    }
  }

  const running = new Set<Promise<unknown>>();
  const batcher = createBatcher<IngestItem, IngestOutcome>({
    maxBatch: options.maxBatch ?? 200,
    maxWaitMs: options.maxWaitMs ?? 5,
    maxInFlight: options.maxInFlight ?? 1,
    async run(items) {
      const earlier = [...running];
      if (earlier.length > 0 && items.some((item) => item.event.event !== "message" && item.event.event !== "message.any")) {
        await Promise.allSettled(earlier);
      }
      const run = applyBatch(items);
      running.add(run);
      try {
        return await run;
      } finally {
        running.delete(run);
      }
    },
  });

  return { submit: (item) => batcher.submit(item), drain: () => batcher.drain() };
}
