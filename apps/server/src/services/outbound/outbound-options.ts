import type { Database } from "@nexis/db";
import type { WahaApiClient } from "@nexis/waha-client";
import { defaultLogger } from "../../default-logger.ts";
import type { EventBus } from "../events/workspace-events.ts";
import type { MediaStorage } from "../media/storage.ts";

export interface OutboundWorkerOptions {
  db: Database;
  client: WahaApiClient;
  /** Per linked number, to keep it clear of WhatsApp's spam heuristics. Default 30 a minute. */
  messagesPerMinute?: number;
  /** Random gap of up to this many ms between consecutive sends of a number (0 in tests). Default 800. */
  jitterMs?: number;
  /** A text longer than this shows "typing…" first. Default 80 characters. */
  typingThreshold?: number;
  /** Tries before a message is FAILED. Default 6. */
  maxAttempts?: number;
  /** How often to look for due jobs when nothing wakes the worker. Default 1 s (BullMQ: 5 s). */
  pollIntervalMs?: number;
  log?: (line: string) => void;
  /** Tells the inbox when a message is sent or fails. */
  events?: EventBus;
  /** Called once a message is sent or has FAILED, with the seconds since it was queued (metrics). */
  onSettled?: ((outcome: "sent" | "failed", secondsSinceQueued: number) => void) | undefined;
  /** Where uploaded files are kept, for media sends. */
  media?: MediaStorage | undefined;
  /** With a Redis URL the queue runs on BullMQ (shared across instances); in process otherwise. */
  redisUrl?: string | undefined;
  /** BullMQ's key prefix (and the shared rate limiter's), to keep deployments sharing a Redis apart. Default `nexis`. */
  redisPrefix?: string;
}

/** The outbound queue, whichever backend runs it. */
export interface OutboundWorker {
  readonly backend: "in-process" | "bullmq";
  /** BullMQ's key prefix (the `bullmq` backend only). */
  readonly prefix?: string;
  start(): void;
  /** Looks for work now; `jobId` names the outbox row just written (called right after a send is queued). */
  wake(jobId?: string | null): void;
  stop(): Promise<void>;
}

/** The settings both backends share, with their defaults. */
export function outboundDefaults(options: OutboundWorkerOptions) {
  return {
    jitterMs: options.jitterMs ?? 800,
    typingThreshold: options.typingThreshold ?? 80,
    maxAttempts: options.maxAttempts ?? 6,
    messagesPerMinute: options.messagesPerMinute ?? 30,
    log: options.log ?? ((line: string) => defaultLogger.warn(line)),
  };
}
