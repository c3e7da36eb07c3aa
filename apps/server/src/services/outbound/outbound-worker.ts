import type { Database } from "@nexis/db";
import * as outbound from "@nexis/db/queries/outbound";
import { type WahaApiClient, WahaError, WahaHttpError } from "@nexis/waha-client";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { EventBus } from "../events/workspace-events.ts";

export interface OutboundWorkerOptions {
  db: Database;
  client: WahaApiClient;
  /** Per linked number, to keep it clear of WhatsApp's spam heuristics. Default 30 a minute. */
  messagesPerMinute?: number;
  /** Random extra wait before each send, up to this many ms (0 in tests). Default 800. */
  jitterMs?: number;
  /** A text longer than this shows "typing…" first. Default 80 characters. */
  typingThreshold?: number;
  /** Tries before a message is FAILED. Default 6. */
  maxAttempts?: number;
  /** How often to look for due jobs when nothing wakes the worker. Default 1 s. */
  pollIntervalMs?: number;
  log?: (line: string) => void;
  /** Tells the inbox when a message is sent or fails. */
  events?: EventBus;
}

export interface OutboundWorker {
  start(): void;
  /** Looks for work now (called right after a send is queued). */
  wake(): void;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Backoff after the `attempt`-th failure: 2, 4, 8… seconds, at most a minute, or what Retry-After asks. */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | null): number {
  if (retryAfterSeconds !== null) return retryAfterSeconds * 1000;
  return Math.min(60_000, 2 ** attempt * 1000);
}

/**
 * The in-process outbound queue: takes due outbox jobs from the database (so a restart loses
 * none, and several servers share the work through `SKIP LOCKED`), shapes each number's sending
 * rate, shows typing before long texts, sends through the WhatsApp service with our message key
 * (a retry after a timeout is recognised, not sent twice), and retries network errors, 5xx and
 * 429 with backoff until the message is FAILED with a reason the agent sees.
 */
export function createOutboundWorker(options: OutboundWorkerOptions): OutboundWorker {
  const { db, client } = options;
  const jitterMs = options.jitterMs ?? 800;
  const typingThreshold = options.typingThreshold ?? 80;
  const maxAttempts = options.maxAttempts ?? 6;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const perNumber = new RateLimiterMemory({ points: options.messagesPerMinute ?? 30, duration: 60, keyPrefix: "outbound" });

  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function deliver(job: Awaited<ReturnType<typeof outbound.claimDueJobs>>[number]) {
    const send = job.payload as outbound.SendTextJob;
    const changed = () => options.events?.publish(job.workspaceId, { type: "message", chatId: send.chatRowId, messageId: send.messageId });
    try {
      await perNumber.consume(job.accountId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Over this number's rate: later, without counting it as a failed try.
      await outbound.retryJobLater(db, { jobId: job.id, at: new Date(Date.now() + rejection.msBeforeNext), error: null, countAttempt: false });
      return;
    }
    try {
      if (jitterMs > 0) await sleep(Math.random() * jitterMs);
      if (send.text.length > typingThreshold) {
        await client.startTyping({ session: send.session, chatId: send.chatId });
        await sleep(Math.min(3_000, send.text.length * 15));
        await client.stopTyping({ session: send.session, chatId: send.chatId });
      }
      const sent = await client.sendText({ session: send.session, chatId: send.chatId, text: send.text, id: send.key, ...(send.replyTo ? { reply_to: send.replyTo } : {}) });
      await outbound.completeJob(db, { jobId: job.id, messageId: send.messageId, waMessageId: sent.id, ack: sent.ack });
      changed();
    } catch (error) {
      if (!(error instanceof WahaError)) throw error;
      const reason = error instanceof WahaHttpError ? error.message.replace(/^\w+ answered /, "WhatsApp answered ") : error.message;
      if (error.retryable && job.attempts < maxAttempts) {
        const retryAfter = error instanceof WahaHttpError ? error.retryAfterSeconds : null;
        await outbound.retryJobLater(db, { jobId: job.id, at: new Date(Date.now() + retryDelayMs(job.attempts, retryAfter)), error: reason, countAttempt: true });
      } else {
        await outbound.failJob(db, { jobId: job.id, messageId: send.messageId, reason });
        changed();
      }
    }
  }

  async function run() {
    // Jobs a crashed worker left half-done go back to the queue; the message key keeps them single.
    await outbound.releaseStuckJobs(db, { olderThan: new Date(Date.now() - 5 * 60_000) });
    while (running) {
      let jobs: Awaited<ReturnType<typeof outbound.claimDueJobs>> = [];
      try {
        jobs = await outbound.claimDueJobs(db, { limit: 20 });
        await Promise.all(jobs.map((job) => deliver(job).catch((error: unknown) => log(`outbound job ${job.id} failed unexpectedly: ${String(error)}`))));
      } catch (error) {
        log(`outbound queue: ${String(error)}`);
      }
      if (jobs.length === 0 && running) {
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
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
