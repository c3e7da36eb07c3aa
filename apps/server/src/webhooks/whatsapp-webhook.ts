import { type DatabaseConnection, hasCause } from "@nexis/db";
import type { Logger } from "@nexis/observability";
import { verifyWebhookSignature } from "@nexis/waha-client/webhooks";
import type { Context as HonoContext } from "hono";
import { z, ZodError } from "zod";
import type { EventBus } from "../services/events/workspace-events.ts";
import type { MediaDownloads } from "../services/media/index.ts";
import type { SecretBox } from "../services/secrets/secret-box.ts";
import { createIngestQueue, type IngestQueueOptions } from "../services/whatsapp/ingest-queue.ts";
import type { LidLookups } from "../services/whatsapp/lid-lookups.ts";
import { createWebhookAccountCache, type WebhookAccount, type WebhookAccountCache } from "../services/whatsapp/webhook-account-cache.ts";
import { parseWebhookEvent } from "../services/whatsapp/webhook-event.ts";
import { webhookEnvelopeSchema } from "../services/whatsapp/webhook-payloads.ts";
import { readRawBody } from "./raw-body.ts";

export interface WhatsAppWebhookOptions {
  database: DatabaseConnection;
  /** Opens each account's sealed webhook key. */
  secretBox: SecretBox;
  /** Where the changes go live once stored. */
  events: EventBus;
  /** How far `X-Webhook-Timestamp` may be from now; older or newer deliveries are refused. */
  maxSkewMs?: number;
  /** The accounts' opened keys; one is made when not given (the app passes its own, to forget removed accounts). */
  accounts?: WebhookAccountCache;
  /** Copies the files of stored inbound media messages, after the commit. */
  mediaDownloads?: MediaDownloads | undefined;
  /** Asks the WhatsApp service who a hidden id (`@lid`) is when no message told us, after the commit. */
  lidLookups?: LidLookups | undefined;
  /** How webhooks are coalesced into transactions (`services/whatsapp/ingest-queue.ts`). */
  batching?: Pick<IngestQueueOptions, "maxBatch" | "maxWaitMs" | "maxInFlight">;
  /** Where failed after-commit work is reported. */
  logger?: Logger;
  /** The largest body accepted (default 2 MB); the route reads its own body, past the app's body limit. */
  maxBodyBytes?: number;
}

const accountIdSchema = z.uuid();

/** Postgres refused the data itself (class 22: bad encoding, NUL in text, out of range), not a fault of ours. */
function isDataError(error: unknown): boolean {
  return hasCause(error, (cause) => typeof cause.code === "string" && cause.code.startsWith("22"));
}

/**
 * `POST /webhooks/whatsapp`: the WhatsApp service's signed events for one account (session name =
 * account id). Refuses (401) a missing or stale timestamp and a body whose HMAC-SHA512 is not the
 * account's, and (400) a payload it cannot read, before anything is stored. Concurrent webhooks
 * are then applied together, one statement (or transaction) per batch, the event id claimed once;
 * each request answers once its own event committed, so the sender retries anything not stored.
 */
export function whatsappWebhookHandler(options: WhatsAppWebhookOptions) {
  const maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const { db } = options.database;
  const accounts = options.accounts ?? createWebhookAccountCache({ db, secretBox: options.secretBox });
  // PGlite runs one statement at a time anyway; Postgres overlaps a few batches (the pool has 10
  // connections; a third batch in flight measured ~7 % more ingest than two, a fourth no more).
  const { mediaDownloads, lidLookups } = options;
  const queue = createIngestQueue({
    db,
    events: options.events,
    maxInFlight: options.database.kind === "postgres" ? 3 : 1,
    ...options.batching,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(mediaDownloads || lidLookups
      ? {
          afterCommit: (item, applied) => {
            mediaDownloads?.afterWebhook(item.target.workspaceId, { event: item.event.event, payload: item.event.payload }, applied.events);
            lidLookups?.afterWebhook(item, applied);
          },
        }
      : {}),
  });

  /** The account whose key signed this body; a cached key that fails is checked once more against the database. */
  async function signer(session: string, raw: string, signature: string | undefined): Promise<WebhookAccount | null> {
    const accountId = accountIdSchema.safeParse(session);
    if (!accountId.success) return null;
    const verifies = (account: WebhookAccount | undefined) => !!account?.key && verifyWebhookSignature(raw, signature, account.key);
    const cached = await accounts.get(accountId.data);
    if (verifies(cached)) return cached ?? null;
    if (!cached) return null;
    const fresh = await accounts.get(accountId.data, { fresh: true });
    return verifies(fresh) ? (fresh ?? null) : null;
  }

  return async (c: HonoContext) => {
    const raw = await readRawBody(c, maxBodyBytes);
    if (raw === null) return c.json({ error: "Request body too large" }, 413);
    const sentAt = Number(c.req.header("x-webhook-timestamp"));
    if (!Number.isFinite(sentAt) || Math.abs(Date.now() - sentAt) > maxSkewMs) {
      return c.json({ error: "Missing or stale X-Webhook-Timestamp" }, 401);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return c.json({ error: "The body is not JSON" }, 400);
    }
    const parsed = webhookEnvelopeSchema.safeParse(body);
    if (!parsed.success) return c.json({ error: "Not a WAHA webhook envelope", issues: parsed.error.issues.map((issue) => issue.path.join(".")) }, 400);
    const envelope = parsed.data;

    // Unknown sessions and bad signatures answer alike, so neither reveals which accounts exist.
    const account = await signer(envelope.session, raw, c.req.header("x-webhook-hmac"));
    if (!account) return c.json({ error: "Invalid signature" }, 401);

    let event;
    try {
      event = parseWebhookEvent(envelope);
    } catch (error) {
      if (error instanceof ZodError) {
        return c.json({ error: `Unreadable ${envelope.event} payload`, issues: error.issues.map((issue) => issue.path.join(".")) }, 400);
      }
      throw error;
    }

    const outcome = await queue.submit({
      target: { accountId: account.id, workspaceId: account.workspaceId },
      eventId: envelope.id,
      event,
      me: envelope.me ?? null,
    });
    if ("error" in outcome) {
      if (isDataError(outcome.error)) return c.json({ error: `Unstorable ${envelope.event} payload: ${(outcome.error as Error).message}` }, 400);
      throw outcome.error;
    }
    return c.json({ ok: true, duplicate: outcome.duplicate });
  };
}
