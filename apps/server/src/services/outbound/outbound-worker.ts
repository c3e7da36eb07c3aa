import * as outbound from "@nexis/db/queries/outbound";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { createBullmqOutbound } from "./bullmq-outbound.ts";
import { outboundDefaults, type OutboundWorker, type OutboundWorkerOptions } from "./outbound-options.ts";
import { createJobRunner } from "./send-job.ts";
import { createSendPacing } from "./send-pacing.ts";
import { sendRateBucket } from "./send-rate.ts";

export type { OutboundWorker, OutboundWorkerOptions } from "./outbound-options.ts";
export { retryDelayMs } from "./send-job.ts";

/**
 * The outbound queue behind one interface: on BullMQ when `redisUrl` is set, in process
 * otherwise. Either way the outbox row (written in the send's transaction) is the truth and
 * `send-job.ts` delivers it; the backend only decides when and where a job runs.
 */
export function createOutboundWorker(options: OutboundWorkerOptions): OutboundWorker {
  return options.redisUrl ? createBullmqOutbound({ ...options, redisUrl: options.redisUrl }) : createInProcessOutbound(options);
}

/**
 * The in-process queue: takes due outbox jobs from the database (so a restart loses none, and
 * several servers share the work through `SKIP LOCKED`) and runs them.
 */
export function createInProcessOutbound(options: OutboundWorkerOptions): OutboundWorker {
  const { db } = options;
  const settings = outboundDefaults(options);
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const rate = sendRateBucket(settings.messagesPerMinute);
  const runJob = createJobRunner({
    db,
    media: options.media,
    client: options.client,
    limiter: new RateLimiterMemory({ points: rate.points, duration: 60, keyPrefix: "outbound" }),
    rate,
    pacing: createSendPacing({ jitterMs: settings.jitterMs }),
    typingThreshold: settings.typingThreshold,
    maxAttempts: settings.maxAttempts,
    events: options.events,
    onSettled: options.onSettled,
  });

  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  async function run() {
    // Jobs a crashed worker left half-done go back to the queue; the message key keeps them single.
    await outbound.releaseStuckJobs(db, { olderThan: new Date(Date.now() - 5 * 60_000) });
    while (running) {
      let jobs: outbound.ClaimedJob[] = [];
      woken = false;
      try {
        jobs = await outbound.claimDueJobs(db, { limit: 20 });
        await Promise.all(jobs.map((job) => runJob(job).catch((error: unknown) => settings.log(`outbound job ${job.id} failed unexpectedly: ${String(error)}`))));
      } catch (error) {
        settings.log(`outbound queue: ${String(error)}`);
      }
      if (jobs.length === 0 && running && !woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  }

  return {
    backend: "in-process",
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake(jobId) {
      // A wake during a pass makes the loop look again at once instead of sleeping.
      woken = true;
      wakeUp?.();
      // The job just queued goes now, without waiting for the loop's current pass (its claim is
      // atomic: if the loop takes it first, this one finds nothing).
      if (jobId && running) {
        void outbound
          .claimJob(db, { id: jobId })
          .then((job) => job && runJob(job))
          .catch((error: unknown) => settings.log(`outbound job ${jobId} failed unexpectedly: ${String(error)}`));
      }
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
