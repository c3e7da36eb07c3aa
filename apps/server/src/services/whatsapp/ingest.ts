import type { Database } from "@nexis/db";
import * as ingest from "@nexis/db/queries/ingest";
import * as identity from "@nexis/db/queries/ingest-identity";
import type { WorkspaceEvent } from "../events/workspace-events.ts";
import { canonicalMessageId, lidsInMessageId } from "./contact-identity.ts";
import { applyGroupEvent } from "./group-events.ts";
import { needsIdentityLookups, readMessageBatch, storeMessageBatch } from "./store-messages.ts";
import type { WebhookEvent } from "./webhook-event.ts";

/** The account a verified webhook came for. */
export interface IngestTarget {
  accountId: string;
  workspaceId: string;
}

/** One verified webhook, its payload already parsed, waiting for its batch. */
export interface IngestItem {
  target: IngestTarget;
  /** The envelope's event id (`evt_…`), recorded once. */
  eventId: string;
  event: WebhookEvent;
  /** The linked number itself (the envelope's `me`), when the service sent it. */
  me: { id: string; pushName?: string | null } | null;
}

/** What applying one webhook did: nothing (a duplicate), or the live events to publish once committed. */
export interface AppliedWebhook {
  duplicate: boolean;
  events: WorkspaceEvent[];
}

/** `5511999999999@c.us` → `+5511999999999`; null for groups and other non-phone ids. */
export function phoneFromWaId(waId: string): string | null {
  const match = /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(waId);
  return match ? `+${match[1]}` : null;
}

const isMessage = (item: IngestItem) => item.event.event === "message" || item.event.event === "message.any";

/**
 * Applies a batch of verified webhooks: new messages first, set-based (their event ids claimed
 * and their contacts, chats and messages stored in one statement), then the rarer events one by
 * one in arrival order, after the messages, so an ack or edit finds the message it names; their
 * event ids are claimed together. A replayed or duplicated event id is skipped. New messages of
 * people known by one id are that one statement alone, atomic without a transaction; anything
 * more runs in one transaction. Answers one result per item, in order.
 */
export async function applyWebhookBatch(db: Database, items: IngestItem[]): Promise<AppliedWebhook[]> {
  // The same event id twice in one batch: the first is applied, the second is its duplicate.
  const seen = new Set<string>();
  const firsts = items.flatMap((item, index) => (seen.has(item.eventId) ? [] : (seen.add(item.eventId), [index])));
  const messages = firsts.filter((index) => isMessage(items[index] as IngestItem));
  const others = firsts.filter((index) => !isMessage(items[index] as IngestItem));
  const batch = readMessageBatch(messages.map((index) => items[index] as IngestItem));

  async function apply(db: Database): Promise<AppliedWebhook[]> {
    const results: AppliedWebhook[] = items.map(() => ({ duplicate: true, events: [] }));
    const stored = await storeMessageBatch(db, batch);
    messages.forEach((index, position) => (results[index] = stored[position] as AppliedWebhook));
    const claimed = await ingest.claimWebhookEvents(db, { source: "whatsapp", eventIds: others.map((index) => (items[index] as IngestItem).eventId) });
    for (const index of others) {
      const item = items[index] as IngestItem;
      if (claimed.has(item.eventId)) results[index] = { duplicate: false, events: await applyWebhookEvent(db, item) };
    }
    return results;
  }
  return others.length === 0 && !needsIdentityLookups(batch) ? apply(db) : db.transaction(apply);
}

/**
 * An event's message id as the message is stored (`canonicalMessageId`): an ack or a reaction may
 * name the person by hidden id when the message was stored under their phone id.
 */
async function storedMessageId(db: Database, accountId: string, id: string): Promise<string> {
  const lids = lidsInMessageId(id);
  if (lids.length === 0) return id;
  const known = await identity.phoneIdsForLids(db, lids.map((lid) => ({ accountId, lid })));
  return canonicalMessageId(id, (lid) => known.get(ingest.rowKey(accountId, lid)));
}

/** The live events for message rows an event changed. */
const messageEvents = (rows: { id: string; chatId: string }[]): WorkspaceEvent[] =>
  rows.map((row) => ({ type: "message", chatId: row.chatId, messageId: row.id }));

/**
 * Applies one first-seen event other than a new message. Events we do not store (calls, polls…)
 * change nothing; presence is only passed on.
 */
async function applyWebhookEvent(db: Database, item: IngestItem): Promise<WorkspaceEvent[]> {
  const { accountId } = item.target;
  const { event } = item;
  switch (event.event) {
    case "session.status": {
      const me = event.payload.status === "WORKING" && item.me ? item.me : null;
      await ingest.setAccountStatus(db, {
        accountId,
        status: event.payload.status,
        me: me ? { waId: me.id, phoneNumber: phoneFromWaId(me.id) ?? me.id, pushName: me.pushName ?? null } : null,
      });
      return [{ type: "account", accountId, status: event.payload.status }];
    }
    case "message.ack":
      return messageEvents(await ingest.advanceAck(db, { accountId, waMessageId: await storedMessageId(db, accountId, event.payload.id), ack: event.payload.ack }));
    case "message.reaction": {
      const { from, fromMe, reaction } = event.payload;
      const waMessageId = await storedMessageId(db, accountId, reaction.messageId);
      return messageEvents(await ingest.setReaction(db, { accountId, waMessageId, from: fromMe ? "me" : from, emoji: reaction.text }));
    }
    case "message.edited": {
      const edited = event.payload;
      const idOrKey = await storedMessageId(db, accountId, edited.editedMessageId ?? edited.id);
      return messageEvents(await ingest.editMessageBody(db, { accountId, idOrKey, body: edited.body }));
    }
    case "message.revoked": {
      const idOrKey = event.payload.before?.id ?? event.payload.revokedMessageId;
      return idOrKey ? messageEvents(await ingest.markMessageRevoked(db, { accountId, idOrKey: await storedMessageId(db, accountId, idOrKey) })) : [];
    }
    case "chat.archive": {
      const rows = await ingest.setChatArchived(db, { accountId, waChatId: event.payload.id, archived: event.payload.archived });
      return rows.map((row) => ({ type: "chat", chatId: row.id }));
    }
    case "presence.update": {
      const presence = event.payload.presences[0]?.lastKnownPresence;
      return presence ? [{ type: "presence", accountId, waChatId: event.payload.id, presence }] : [];
    }
    case "group.v2.join":
    case "group.v2.leave":
    case "group.v2.update":
    case "group.v2.participants":
      return applyGroupEvent(db, { target: item.target, eventId: item.eventId, me: item.me?.id ?? null, event });
    default:
      return [];
  }
}
