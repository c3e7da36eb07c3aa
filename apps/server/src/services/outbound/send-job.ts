import type { Database } from "@nexis/db";
import * as outbound from "@nexis/db/queries/outbound";
import { type WahaApiClient, WahaError, WahaHttpError } from "@nexis/waha-client";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { EventBus } from "../events/workspace-events.ts";
import type { MediaStorage } from "../media/storage.ts";
import type { OutboundWorkerOptions } from "./outbound-options.ts";
import { deliverSend } from "./deliver-send.ts";
import { readJob } from "./send-kinds.ts";
import type { SendPacing } from "./send-pacing.ts";
import type { SendRateBucket } from "./send-rate.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What became of one claimed job; `later` is when it is due again (the DB row says the same). */
export type JobOutcome = { status: "sent" } | { status: "failed" } | { status: "later"; at: Date };

export interface JobRunnerOptions {
  db: Database;
  client: WahaApiClient;
  /** The per-number token bucket (in memory, or in Redis shared by every instance), sized by `rate`. */
  limiter: RateLimiterAbstract;
  /** What one message costs in the bucket, by the number's own send rate. */
  rate: SendRateBucket;
  pacing: SendPacing;
  /** A text longer than this shows "typing…" first. */
  typingThreshold: number;
  /** Tries before a message is FAILED. */
  maxAttempts: number;
  events?: EventBus | undefined;
  onSettled?: OutboundWorkerOptions["onSettled"];
  /** Where uploaded files are kept, for media sends. */
  media?: MediaStorage | undefined;
}

const secondsSince = (at: Date) => Math.max(0, (Date.now() - at.getTime()) / 1000);

/** Backoff after the `attempt`-th failure: 2, 4, 8… seconds, at most a minute, or what Retry-After asks. */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | null): number {
  if (retryAfterSeconds !== null) return retryAfterSeconds * 1000;
  return Math.min(60_000, 2 ** attempt * 1000);
}

/**
 * Whether trying again may help: network errors, timeouts, 5xx and 429, and a session that is
 * not WORKING at the moment (restarting, reconnecting: WAHA answers 422 until it is back).
 */
function worthRetrying(error: WahaError): boolean {
  if (error.retryable) return true;
  return error instanceof WahaHttpError && error.status === 422 && /status is not as expected/i.test(error.message);
}

/**
 * Delivers one claimed outbox job, whichever queue claimed it: the number's token bucket (over
 * it: later, not counted as a try), burst pacing, typing before long texts, the WhatsApp call for
 * its kind with our message key, then sent, retried with backoff, or FAILED with a reason.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { db, client } = options;

  return async function runJob(job: outbound.ClaimedJob): Promise<JobOutcome> {
    const payload = readJob(job.payload);
    const changed = () => options.events?.publish(job.workspaceId, { type: "message", chatId: payload.chatRowId, messageId: payload.messageId });
    return options.pacing.run(job.accountId, async (): Promise<JobOutcome> => {
      try {
        await options.limiter.consume(job.accountId, options.rate.costOf(job.messagesPerMinute));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const at = new Date(Date.now() + rejection.msBeforeNext);
        await outbound.retryJobLater(db, { jobId: job.id, at, error: null, countAttempt: false });
        return { status: "later", at };
      }
      try {
        const { send } = payload;
        if (send.kind === "text" && send.text.length > options.typingThreshold) {
          await client.startTyping({ session: payload.session, chatId: payload.chatId });
          await sleep(Math.min(3_000, send.text.length * 15));
          await client.stopTyping({ session: payload.session, chatId: payload.chatId });
        }
        const sent = await deliverSend(client, payload, send, options.media);
        await outbound.completeJob(db, { jobId: job.id, messageId: payload.messageId, waMessageId: sent.id, ack: sent.ack });
        // Nothing an agent sees changed while WhatsApp still says PENDING under our own id: the
        // ack webhook brings the news, and a refetch now would only compete with it.
        if (sent.ack >= 1 || sent.id !== `true_${payload.chatId}_${payload.key}`) changed();
        options.onSettled?.("sent", secondsSince(job.createdAt));
        return { status: "sent" };
      } catch (error) {
        if (!(error instanceof WahaError)) throw error;
        const reason = error instanceof WahaHttpError ? error.message.replace(/^\w+ answered /, "WhatsApp answered ") : error.message;
        if (worthRetrying(error) && job.attempts < options.maxAttempts) {
          const retryAfter = error instanceof WahaHttpError ? error.retryAfterSeconds : null;
          const at = new Date(Date.now() + retryDelayMs(job.attempts, retryAfter));
          await outbound.retryJobLater(db, { jobId: job.id, at, error: reason, countAttempt: true });
          return { status: "later", at };
        }
        await outbound.failJob(db, { jobId: job.id, messageId: payload.messageId, reason });
        changed();
        options.onSettled?.("failed", secondsSince(job.createdAt));
        return { status: "failed" };
      }
    });
  };
}
