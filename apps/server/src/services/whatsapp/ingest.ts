import type { Database } from "@nexis/db";
import type { WorkspaceEvent } from "../events/workspace-events.ts";
import * as ingest from "@nexis/db/queries/ingest";
import {
  ackPayloadSchema,
  archivePayloadSchema,
  editedPayloadSchema,
  type MessagePayload,
  messagePayloadSchema,
  reactionPayloadSchema,
  presencePayloadSchema,
  revokedPayloadSchema,
  sessionStatusPayloadSchema,
  type WebhookEnvelope,
} from "./webhook-payloads.ts";

/** The account a verified webhook came for. */
export interface IngestTarget {
  accountId: string;
  workspaceId: string;
}

/** `5511999999999@c.us` → `+5511999999999`; null for groups and other non-phone ids. */
export function phoneFromWaId(waId: string): string | null {
  const match = /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(waId);
  return match ? `+${match[1]}` : null;
}

/** What kind of message WAHA's payload carries, in our `message.type` words. */
function messageType(payload: MessagePayload): string {
  if (payload.location) return "location";
  if (payload.vCards?.length) return "vcard";
  if (payload.hasMedia) {
    // WEBJS names the type in `_data` until the file is downloaded (no `media` yet).
    const mimetype = payload.media?.mimetype ?? payload._data?.mimetype ?? "";
    if (mimetype.startsWith("image/")) return "image";
    if (mimetype.startsWith("video/")) return "video";
    if (mimetype.startsWith("audio/")) return "audio";
    return "document";
  }
  return "chat";
}

async function storeMessage(db: Database, target: IngestTarget, payload: MessagePayload): Promise<WorkspaceEvent[]> {
  const waChatId = payload.fromMe ? (payload.to ?? payload.from) : payload.from;
  const isGroup = waChatId.endsWith("@g.us");
  const pushName = payload.fromMe ? null : (payload._data?.notifyName ?? null);
  const contact = isGroup
    ? null
    : await ingest.upsertContact(db, { ...target, waId: waChatId, pushName, phoneNumber: phoneFromWaId(waChatId) });
  const chat = await ingest.upsertChat(db, { ...target, waChatId, isGroup, contactId: contact?.id ?? null, name: null });
  const messageId = await ingest.insertIncomingMessage(db, {
    ...target,
    chatId: chat.id,
    waMessageId: payload.id,
    fromMe: payload.fromMe,
    author: isGroup ? (payload.participant ?? null) : null,
    type: messageType(payload),
    body: payload.body ?? null,
    ack: payload.ack,
    timestamp: Math.floor(payload.timestamp),
    media: payload.hasMedia && payload.media ? payload.media : null,
  });
  return messageId ? [{ type: "message", chatId: chat.id, messageId }] : [];
}

/** The live events for message rows an event changed. */
const messageEvents = (rows: { id: string; chatId: string }[]): WorkspaceEvent[] =>
  rows.map((row) => ({ type: "message", chatId: row.chatId, messageId: row.id }));

/**
 * Applies one verified, first-seen webhook event to the database (inside the caller's
 * transaction, after the event id was claimed), and answers the live events to publish once it
 * commits. Events we do not store (calls, polls…) change nothing; presence is only passed on. A
 * payload that does not parse throws, which rolls back the claim.
 */
export async function applyWebhookEvent(db: Database, target: IngestTarget, envelope: WebhookEnvelope): Promise<WorkspaceEvent[]> {
  const { accountId } = target;
  switch (envelope.event) {
    case "session.status": {
      const { status } = sessionStatusPayloadSchema.parse(envelope.payload);
      const me = status === "WORKING" && envelope.me ? envelope.me : null;
      await ingest.setAccountStatus(db, {
        accountId,
        status,
        me: me ? { waId: me.id, phoneNumber: phoneFromWaId(me.id) ?? me.id, pushName: me.pushName ?? null } : null,
      });
      return [{ type: "account", accountId, status }];
    }
    case "message":
    case "message.any":
      return storeMessage(db, target, messagePayloadSchema.parse(envelope.payload));
    case "message.ack": {
      const { id, ack } = ackPayloadSchema.parse(envelope.payload);
      return messageEvents(await ingest.advanceAck(db, { accountId, waMessageId: id, ack }));
    }
    case "message.reaction": {
      const { from, fromMe, reaction } = reactionPayloadSchema.parse(envelope.payload);
      return messageEvents(await ingest.setReaction(db, { accountId, waMessageId: reaction.messageId, from: fromMe ? "me" : from, emoji: reaction.text }));
    }
    case "message.edited": {
      const edited = editedPayloadSchema.parse(envelope.payload);
      return messageEvents(await ingest.editMessageBody(db, { accountId, idOrKey: edited.editedMessageId ?? edited.id, body: edited.body }));
    }
    case "message.revoked": {
      const revoked = revokedPayloadSchema.parse(envelope.payload);
      const idOrKey = revoked.before?.id ?? revoked.revokedMessageId;
      return idOrKey ? messageEvents(await ingest.markMessageRevoked(db, { accountId, idOrKey })) : [];
    }
    case "chat.archive": {
      const { id, archived } = archivePayloadSchema.parse(envelope.payload);
      const rows = await ingest.setChatArchived(db, { accountId, waChatId: id, archived });
      return rows.map((row) => ({ type: "chat", chatId: row.id }));
    }
    case "presence.update": {
      const { id, presences } = presencePayloadSchema.parse(envelope.payload);
      const presence = presences[0]?.lastKnownPresence;
      return presence ? [{ type: "presence", accountId, waChatId: id, presence }] : [];
    }
    default:
      return [];
  }
}
