import type { Database } from "@nexis/db";
import * as queries from "@nexis/db/queries/media";
import { type WahaApiClient, WahaError } from "@nexis/waha-client";
import PQueue from "p-queue";
import pRetry from "p-retry";
import { defaultLogger } from "../../default-logger.ts";
import type { EventBus, WorkspaceEvent } from "../events/workspace-events.ts";
import type { WebhookEnvelope } from "../whatsapp/webhook-payloads.ts";
import { largestLimit, MediaRejected } from "./limits.ts";
import type { MediaService } from "./media-service.ts";

export interface MediaDownloadsOptions {
  db: Database;
  media: MediaService;
  client: WahaApiClient;
  events: EventBus;
  /** Tries after the first failure (network, timeout, 5xx, 429). Default 3. */
  retries?: number;
  /** First wait between tries, doubling each time. Default 1 s. */
  retryDelayMs?: number;
  /** Downloads at once. Default 4. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface MediaDownloads {
  /**
   * The after-commit step of a webhook: queues the download of the file of each message the
   * event stored, if it has one. Never throws and never waits, so the webhook answers at once.
   */
  afterWebhook(workspaceId: string, envelope: Pick<WebhookEnvelope, "event" | "payload">, changes: readonly WorkspaceEvent[]): void;
  /** Queues one message's download (skipped when already stored or queued). */
  enqueue(workspaceId: string, messageId: string): void;
  /** Queues the downloads a restart interrupted. */
  resume(): Promise<void>;
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>;
}

const hasMedia = (payload: unknown) => typeof payload === "object" && payload !== null && (payload as { hasMedia?: unknown }).hasMedia === true;

/**
 * Copies inbound media from the WhatsApp service into our storage, once per message, outside the
 * webhook's transaction: retried with backoff while the failure may pass, then the message's
 * media is marked unavailable with the reason. Each outcome publishes a `message` event so the
 * bubble refreshes.
 */
export function createMediaDownloads(options: MediaDownloadsOptions): MediaDownloads {
  const { db, media, client, events } = options;
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const queued = new Set<string>();
  const log = options.log ?? ((line: string) => defaultLogger.warn(line));

  async function download(workspaceId: string, messageId: string) {
    const row = await queries.getMessageForDownload(db, { workspaceId, messageId });
    const url = row?.media?.url;
    if (!row || row.mediaId || !url || row.media?.status === "unavailable") return;
    const changed = () => events.publish(workspaceId, { type: "message", chatId: row.chatId, messageId });
    try {
      const file = await pRetry(() => client.downloadFile(url, { maxBytes: largestLimit(media.limits) }), {
        retries: options.retries ?? 3,
        minTimeout: options.retryDelayMs ?? 1_000,
        shouldRetry: ({ error }) => error instanceof WahaError && error.retryable,
      });
      const mimetype = row.media?.mimetype ?? file.mimetype ?? "application/octet-stream";
      const stored = await media.save({ workspaceId, bytes: file.bytes, mimetype, filename: row.media?.filename ?? null, source: "inbound" });
      if (!(await queries.attachMessageMedia(db, { workspaceId, messageId, mediaId: stored.id, size: stored.size }))) {
        // Another download stored it first: keep theirs.
        await media.storage.delete(stored.storageKey).catch(() => {});
        await queries.deleteMedia(db, { workspaceId, id: stored.id });
        return;
      }
    } catch (error) {
      const reason = error instanceof WahaError || error instanceof MediaRejected ? error.message : "The file could not be stored";
      if (!(error instanceof WahaError || error instanceof MediaRejected)) log(`media download for message ${messageId} failed: ${String(error)}`);
      await queries.markMessageMediaUnavailable(db, { workspaceId, messageId, reason });
    }
    changed();
  }

  function enqueue(workspaceId: string, messageId: string) {
    if (queued.has(messageId)) return;
    queued.add(messageId);
    void queue
      .add(() => download(workspaceId, messageId))
      .catch((error: unknown) => log(`media download for message ${messageId} failed unexpectedly: ${String(error)}`))
      .finally(() => queued.delete(messageId));
  }

  return {
    afterWebhook(workspaceId, envelope, changes) {
      if ((envelope.event !== "message" && envelope.event !== "message.any") || !hasMedia(envelope.payload)) return;
      for (const change of changes) if (change.type === "message" && change.messageId) enqueue(workspaceId, change.messageId);
    },
    enqueue,
    async resume() {
      for (const pending of await queries.listPendingDownloads(db, { limit: 1_000 })) enqueue(pending.workspaceId, pending.messageId);
    },
    idle: () => queue.onIdle(),
  };
}
