import type { Database } from "@nexis/db";
import * as ingest from "@nexis/db/queries/ingest";
import * as identity from "@nexis/db/queries/ingest-identity";
import type { IdentityPair } from "@nexis/db/queries/ingest-identity";
import { messageKey } from "@nexis/db/queries/message";
import type { QuotedMessage } from "@nexis/db/schema";
import type { WorkspaceEvent } from "../events/workspace-events.ts";
import { inboundMedia } from "../media/inbound-media.ts";
import { canonicalMessageId, isLid, lidsInMessageId, messageIdentities, normalizeWaId } from "./contact-identity.ts";
import { type AppliedWebhook, type IngestItem, phoneFromWaId } from "./ingest.ts";
import type { MessagePayload } from "./webhook-payloads.ts";

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

interface Prepared {
  item: IngestItem;
  payload: MessagePayload;
  /** The chat's WhatsApp id as the payload names it (`@c.us`, `@lid` or `@g.us`). */
  waChatId: string;
  isGroup: boolean;
  author: string | null;
  /** The other person's hidden id, when the payload tells it beside the phone id. */
  chatLid: string | null;
  /** The message's id with the people in it named by phone where known (`canonicalMessageId`). */
  waMessageId: string;
}

/** Keeps the first row per key, or merges later ones into it. */
function uniqueBy<Row>(rows: Row[], key: (row: Row) => string, merge?: (kept: Row, next: Row) => Row): Row[] {
  const kept = new Map<string, Row>();
  for (const row of rows) {
    const previous = kept.get(key(row));
    kept.set(key(row), previous === undefined ? row : merge ? merge(previous, row) : previous);
  }
  return [...kept.values()];
}

/** A batch of new-message webhooks as read from their payloads, before anything is stored. */
export interface MessageBatch {
  prepared: Prepared[];
  hints: ReturnType<typeof messageIdentities>[];
  /** Phone and hidden ids the payloads reveal together, once each. */
  pairs: (IdentityPair & { at: number })[];
  /** Hidden ids named alone (the chat's, or in a message id), which may belong to a known person. */
  lonelyLids: { accountId: string; lid: string }[];
}

/** Reads new-message webhooks (`message`, `message.any`), each event id once. */
export function readMessageBatch(items: IngestItem[]): MessageBatch {
  const prepared: Prepared[] = items.map((item) => {
    const payload = item.event.payload as MessagePayload;
    const waChatId = normalizeWaId(payload.fromMe ? (payload.to ?? payload.from) : payload.from);
    const author = payload.participant ? normalizeWaId(payload.participant) : null;
    return { item, payload, waChatId, isGroup: waChatId.endsWith("@g.us"), author, chatLid: null, waMessageId: payload.id };
  });
  const hints = prepared.map((entry) => messageIdentities(entry.payload));
  const pairs = uniqueBy(
    hints.flatMap((hint, index) => {
      const { accountId } = (prepared[index] as Prepared).item.target;
      return [hint.chat, hint.author].filter((pair) => pair !== null).map((pair) => ({ accountId, ...pair, at: index }));
    }),
    (pair) => ingest.rowKey(pair.accountId, `${pair.pn} ${pair.lid}`),
  );
  const lonelyLids = prepared.flatMap((entry) => {
    const { accountId } = entry.item.target;
    return [entry.waChatId, ...lidsInMessageId(entry.payload.id)].filter(isLid).map((lid) => ({ accountId, lid }));
  });
  return { prepared, hints, pairs, lonelyLids };
}

/** The batch names someone by a hidden id: storing it reads (and may link) people first. */
export const needsIdentityLookups = (batch: MessageBatch) => batch.pairs.length > 0 || batch.lonelyLids.length > 0;

/**
 * Stores a read batch: links the people whose phone and hidden ids the payloads reveal (when
 * `needsIdentityLookups`, which takes the caller's transaction), then claims the events and
 * stores their contacts, chats and messages in one statement (`storeIncomingMessages`). Answers,
 * in order, whether each was a duplicate and its live events.
 */
export async function storeMessageBatch(db: Database, batch: MessageBatch): Promise<AppliedWebhook[]> {
  const { prepared, hints, pairs } = batch;
  const events: WorkspaceEvent[][] = prepared.map(() => []);
  if (prepared.length === 0) return [];

  // 1. People known by two ids become one contact and one chat before anything is stored under either.
  for (const pair of await identity.unlinkedIdentities(db, pairs)) {
    const { at } = pair as (typeof pairs)[number];
    const { workspaceId } = (prepared[at] as Prepared).item.target;
    const { changedChatIds } = await identity.linkContactIdentity(db, { ...pair, workspaceId, phoneNumber: phoneFromWaId(pair.pn) });
    (events[at] as WorkspaceEvent[]).push(...changedChatIds.map((chatId): WorkspaceEvent => ({ type: "chat", chatId })));
  }
  // A hidden id alone still lands on the person's phone id once we learnt who it is.
  const known = await identity.phoneIdsForLids(db, batch.lonelyLids);
  for (const pair of pairs) known.set(ingest.rowKey(pair.accountId, pair.lid), pair.pn);
  prepared.forEach((entry, index) => {
    const hint = hints[index];
    const { accountId } = entry.item.target;
    entry.waChatId = hint?.chat?.pn ?? known.get(ingest.rowKey(accountId, entry.waChatId)) ?? entry.waChatId;
    entry.chatLid = hint?.chat?.lid ?? null;
    if (hint?.author) entry.author = hint.author.pn;
    else if (entry.author && isLid(entry.author)) entry.author = known.get(ingest.rowKey(accountId, entry.author)) ?? entry.author;
    entry.waMessageId = canonicalMessageId(entry.payload.id, (lid) => known.get(ingest.rowKey(accountId, lid)));
  });

  // 2. One statement claims the events, finds or creates contacts and chats, stores the messages
  // and moves the chats.
  const rows = prepared.map((entry): ingest.IncomingChatMessage => {
    const { payload, item } = entry;
    return {
      eventId: item.eventId,
      ...item.target,
      waChatId: entry.waChatId,
      isGroup: entry.isGroup,
      pushName: entry.isGroup || payload.fromMe ? null : (payload._data?.notifyName ?? null),
      phoneNumber: entry.isGroup ? null : phoneFromWaId(entry.waChatId),
      lid: entry.isGroup ? null : entry.chatLid,
      waMessageId: entry.waMessageId,
      fromMe: payload.fromMe,
      author: entry.isGroup ? entry.author : null,
      type: messageType(payload),
      body: payload.body ?? null,
      ack: payload.ack,
      timestamp: Math.floor(payload.timestamp),
      media: inboundMedia(payload),
      quoted: quotedFrom(payload),
    };
  });
  const { claimed, inserted } = await ingest.storeIncomingMessages(db, rows);
  // The first claimed webhook of each message id stored it (as the statement chose).
  const storedBy = new Map(inserted.map((row) => [ingest.rowKey(row.accountId, row.waMessageId), row]));
  return rows.map((row, index) => {
    const duplicate = !claimed.has(row.eventId);
    const stored = duplicate ? undefined : storedBy.get(ingest.rowKey(row.accountId, row.waMessageId));
    if (stored) {
      storedBy.delete(ingest.rowKey(row.accountId, row.waMessageId));
      (events[index] as WorkspaceEvent[]).push({ type: "message", chatId: stored.chatId, messageId: stored.id });
    }
    return { duplicate, events: events[index] as WorkspaceEvent[] };
  });
}

/** What an inbound reply quotes, as WhatsApp told it (text kept short: it is only a preview). */
function quotedFrom(payload: MessagePayload): QuotedMessage | null {
  const { replyTo } = payload;
  if (!replyTo) return null;
  return { key: messageKey(replyTo.id), participant: replyTo.participant ?? null, fromMe: null, body: replyTo.body?.slice(0, 500) ?? null, hasMedia: replyTo.hasMedia ?? false };
}
