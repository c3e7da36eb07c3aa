import * as outbound from "@nexis/db/queries/outbound";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { createJobRunner } from "./send-job.ts";
import { createSendPacing } from "./send-pacing.ts";
import { sendRateBucket } from "./send-rate.ts";
import { outboundDefaults, type OutboundWorker, type OutboundWorkerOptions } from "./outbound-options.ts";

const queueName = "outbound";

/**
 * The outbound queue on BullMQ (Redis). The outbox row stays the truth, written in the send's
 * transaction; BullMQ is the trigger and scheduler: one BullMQ job per outbox row, with the row's
 * id as job id, so however many instances add it, it runs once at a time, and the row is claimed
 * in the database before sending (a stale trigger sends nothing). A try that must wait (429 with
 * Retry-After, backoff, the number's rate) moves the same job to BullMQ's delayed set until the
 * row is due. A sweep re-adds pending rows whose trigger was lost (a crash between the commit
 * and the add, or Redis flushed). The per-number token bucket lives in Redis, shared by all.
 */
export function createBullmqOutbound(options: OutboundWorkerOptions & { redisUrl: string }): OutboundWorker {
  const { db } = options;
  const settings = outboundDefaults(options);
  const prefix = options.redisPrefix ?? "nexis";
  // Sweeps only catch lost triggers: no need to run them as often as the in-process poll.
  const sweepIntervalMs = Math.max(1_000, options.pollIntervalMs ?? 5_000);
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const limiterClient = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  limiterClient.on("error", () => {});
  const rate = sendRateBucket(settings.messagesPerMinute);
  const { points } = rate;
  const runJob = createJobRunner({
    db,
    media: options.media,
    client: options.client,
    // While Redis is unreachable, each instance keeps its own bucket rather than stopping sends.
    limiter: new RateLimiterRedis({
      storeClient: limiterClient,
      points,
      duration: 60,
      keyPrefix: `${prefix}:outbound-rate`,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    }),
    rate,
    pacing: createSendPacing({ jitterMs: settings.jitterMs }),
    typingThreshold: settings.typingThreshold,
    maxAttempts: settings.maxAttempts,
    events: options.events,
    onSettled: options.onSettled,
  });

  let queue: Queue | null = null;
  let worker: Worker | null = null;
  let sweeper: ReturnType<typeof setInterval> | null = null;

  /**
   * Adds the trigger for an outbox row, due at `at`; a no-op while the row's job is already
   * queued. With `promote` (the sweep), a row due now whose job still waits in the delayed set
   * runs now.
   */
  async function trigger(jobId: string, at = Date.now(), promote = false) {
    if (!queue) return;
    const delay = at - Date.now();
    if (delay <= 0 && promote) {
      const existing = await queue.getJob(jobId);
      if (existing) {
        if (await existing.isDelayed()) await existing.promote().catch(() => undefined);
        return;
      }
    }
    await queue.add("send", {}, { jobId, delay: Math.max(0, delay), removeOnComplete: true, removeOnFail: true });
  }

  async function process(job: Job, token?: string) {
    if (!job.id) return;
    const claimed = await outbound.claimJob(db, { id: job.id });
    // Sent, failed, taken by a worker, or not due yet: the sweep re-adds it when it is due.
    if (!claimed) return;
    const outcome = await runJob(claimed);
    if (outcome.status === "later") {
      await job.moveToDelayed(outcome.at.getTime(), token);
      throw new DelayedError();
    }
  }

  async function sweep() {
    try {
      await outbound.releaseStuckJobs(db, { olderThan: new Date(Date.now() - 5 * 60_000) });
      const pending = await outbound.listPendingJobs(db, { limit: 500 });
      await Promise.all(pending.map((row) => trigger(row.id, row.nextAttemptAt.getTime(), true)));
    } catch (error) {
      settings.log(`outbound queue (BullMQ): ${String(error)}`);
    }
  }

  return {
    backend: "bullmq",
    prefix,
    start() {
      if (queue) return;
      queue = new Queue(queueName, { connection, prefix });
      worker = new Worker(queueName, process, { connection, prefix, concurrency: 20 });
      queue.on("error", (error) => settings.log(`outbound queue (BullMQ): ${String(error)}`));
      worker.on("error", (error) => settings.log(`outbound worker (BullMQ): ${String(error)}`));
      worker.on("failed", (job, error) => settings.log(`outbound job ${job?.id ?? "?"} failed unexpectedly: ${String(error)}`));
      void sweep();
      sweeper = setInterval(() => void sweep(), sweepIntervalMs);
    },
    wake(jobId) {
      if (jobId) void trigger(jobId).catch((error: unknown) => settings.log(`outbound queue (BullMQ): ${String(error)}`));
      else void sweep();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      await worker?.close();
      await queue?.close();
      worker = null;
      queue = null;
      limiterClient.disconnect();
    },
  };
}
