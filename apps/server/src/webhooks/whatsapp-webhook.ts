import type { DatabaseConnection } from "@nexis/db";
import { claimWebhookEvent, findAccountForSession } from "@nexis/db/queries/ingest";
import { verifyWebhookSignature } from "@nexis/waha-client/webhooks";
import type { Context as HonoContext } from "hono";
import { z, ZodError } from "zod";
import type { EventBus, WorkspaceEvent } from "../services/events/workspace-events.ts";
import type { SecretBox } from "../services/secrets/secret-box.ts";
import { applyWebhookEvent } from "../services/whatsapp/ingest.ts";
import { webhookEnvelopeSchema } from "../services/whatsapp/webhook-payloads.ts";

export interface WhatsAppWebhookOptions {
  database: DatabaseConnection;
  /** Opens each account's sealed webhook key. */
  secretBox: SecretBox;
  /** Where the changes go live once stored. */
  events: EventBus;
  /** How far `X-Webhook-Timestamp` may be from now; older or newer deliveries are refused. */
  maxSkewMs?: number;
}

const accountIdSchema = z.uuid();

/**
 * `POST /webhooks/whatsapp`: the WhatsApp service's signed events for one account (session name =
 * account id). Refuses (401) a missing or stale timestamp and a body whose HMAC-SHA512 is not the
 * account's, before anything is stored; then claims the event id and applies its effects in one
 * transaction, so a replayed or duplicated event changes nothing the second time.
 */
export function whatsappWebhookHandler(options: WhatsAppWebhookOptions) {
  const maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
  const { db } = options.database;

  return async (c: HonoContext) => {
    const raw = await c.req.text();
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
    const accountId = accountIdSchema.safeParse(envelope.session);
    const account = accountId.success ? await findAccountForSession(db, { accountId: accountId.data }) : undefined;
    const key = account?.webhookSecret ? options.secretBox.open(account.webhookSecret) : null;
    if (!account || !key || !verifyWebhookSignature(raw, c.req.header("x-webhook-hmac"), key)) {
      return c.json({ error: "Invalid signature" }, 401);
    }

    try {
      const changes = await db.transaction(async (tx): Promise<WorkspaceEvent[] | null> => {
        if (!(await claimWebhookEvent(tx, { source: "whatsapp", eventId: envelope.id }))) return null;
        return applyWebhookEvent(tx, { accountId: account.id, workspaceId: account.workspaceId }, envelope);
      });
      // Published only after the commit, so a subscriber that refetches sees the change.
      for (const change of changes ?? []) options.events.publish(account.workspaceId, change);
      return c.json({ ok: true, duplicate: changes === null });
    } catch (error) {
      if (error instanceof ZodError) {
        return c.json({ error: `Unreadable ${envelope.event} payload`, issues: error.issues.map((issue) => issue.path.join(".")) }, 400);
      }
      throw error;
    }
  };
}
