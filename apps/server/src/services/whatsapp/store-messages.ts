import type { Database } from "@nexis/db";
import * as ingest from "@nexis/db/queries/ingest";
import * as identity from "@nexis/db/queries/ingest-identity";
import { messageKey } from "@nexis/db/queries/message";
import type { QuotedMessage } from "@nexis/db/schema";
import type { WorkspaceEvent } from "../events/workspace-events.ts";
import { inboundMedia } from "../media/inbound-media.ts";
import { canonicalMessageId, isLid, lidsInMessageId, messageIdentities, normalizeWaId } from "./contact-identity.ts";
import { type IngestItem, phoneFromWaId } from "./ingest.ts";
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

/**
 * Stores new messages (`message`, `message.any`) of a batch, set-based: links the people whose
 * phone and hidden ids the payloads reveal, upserts contacts and chats, inserts the messages once
 * per (account, WhatsApp id), then moves each touched chat's last activity and unread count in
 * one statement. Answers each item's live events, in order.
 */
export async function storeMessages(db: Database, items: IngestItem[]): Promise<WorkspaceEvent[][]> {
  const events: WorkspaceEvent[][] = items.map(() => []);
  if (items.length === 0) return events;
  const prepared: Prepared[] = items.map((item) => {
    const payload = item.event.payload as MessagePayload;
    const waChatId = normalizeWaId(payload.fromMe ? (payload.to ?? payload.from) : payload.from);
    const author = payload.participant ? normalizeWaId(payload.participant) : null;
    return { item, payload, waChatId, isGroup: waChatId.endsWith("@g.us"), author, chatLid: null, waMessageId: payload.id };
  });

  // 1. People known by two ids become one contact and one chat before anything is stored under either.
  const hints = prepared.map((entry) => messageIdentities(entry.payload));
  const pairs = uniqueBy(
    hints.flatMap((hint, index) => {
      const { accountId } = (prepared[index] as Prepared).item.target;
      return [hint.chat, hint.author].filter((pair) => pair !== null).map((pair) => ({ accountId, ...pair, at: index }));
    }),
    (pair) => ingest.rowKey(pair.accountId, `${pair.pn} ${pair.lid}`),
  );
  for (const pair of await identity.unlinkedIdentities(db, pairs)) {
    const { at } = pair as (typeof pairs)[number];
    const { workspaceId } = (prepared[at] as Prepared).item.target;
    const { changedChatIds } = await identity.linkContactIdentity(db, { ...pair, workspaceId, phoneNumber: phoneFromWaId(pair.pn) });
    (events[at] as WorkspaceEvent[]).push(...changedChatIds.map((chatId): WorkspaceEvent => ({ type: "chat", chatId })));
  }
  // A hidden id alone (the chat's, or in the message id) still lands on the person's phone id
  // once we learnt who it is.
  const lonelyLids = prepared.flatMap((entry) => {
    const { accountId } = entry.item.target;
    return [entry.waChatId, ...lidsInMessageId(entry.payload.id)].filter(isLid).map((lid) => ({ accountId, lid }));
  });
  const known = await identity.phoneIdsForLids(db, lonelyLids);
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

  // 2. Contacts of one-to-one chats, then chats.
  const contactRows = uniqueBy(
    prepared
      .filter((entry) => !entry.isGroup)
      .map((entry): ingest.ContactRow => ({
        ...entry.item.target,
        waId: entry.waChatId,
        lid: entry.chatLid,
        pushName: entry.payload.fromMe ? null : (entry.payload._data?.notifyName ?? null),
        phoneNumber: phoneFromWaId(entry.waChatId),
      })),
    (row) => ingest.rowKey(row.accountId, row.waId),
    (kept, next) => ({ ...kept, pushName: next.pushName ?? kept.pushName, lid: kept.lid ?? next.lid }),
  );
  const contactIds = await ingest.upsertContacts(db, contactRows);
  const chatRows = uniqueBy(
    prepared.map(
      (entry): ingest.ChatRow => ({
        ...entry.item.target,
        waChatId: entry.waChatId,
        isGroup: entry.isGroup,
        contactId: entry.isGroup ? null : (contactIds.get(ingest.rowKey(entry.item.target.accountId, entry.waChatId)) ?? null),
      }),
    ),
    (row) => ingest.rowKey(row.accountId, row.waChatId),
  );
  const chatIds = await ingest.upsertChats(db, chatRows);

  // 3. Messages, once per (account, WhatsApp id); then the chats they moved.
  const rows = uniqueBy(
    prepared.map((entry, index) => {
      const { payload } = entry;
      const chatId = chatIds.get(ingest.rowKey(entry.item.target.accountId, entry.waChatId));
      if (!chatId) throw new Error(`chat ${entry.waChatId} was not stored`);
      const row: ingest.IncomingMessage = {
        ...entry.item.target,
        chatId,
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
      return { row, index };
    }),
    ({ row }) => ingest.rowKey(row.accountId, row.waMessageId),
  );
  const inserted = await ingest.insertMessages(
    db,
    rows.map(({ row }) => row),
  );
  const byKey = new Map(rows.map((entry) => [ingest.rowKey(entry.row.accountId, entry.row.waMessageId), entry]));
  const bumps = new Map<string, { chatId: string; lastMessageAt: Date; unread: number }>();
  for (const stored of inserted) {
    const entry = byKey.get(ingest.rowKey(stored.accountId, stored.waMessageId));
    if (!entry) continue;
    (events[entry.index] as WorkspaceEvent[]).push({ type: "message", chatId: stored.chatId, messageId: stored.id });
    const at = new Date(entry.row.timestamp * 1000);
    const bump = bumps.get(stored.chatId) ?? { chatId: stored.chatId, lastMessageAt: at, unread: 0 };
    if (at > bump.lastMessageAt) bump.lastMessageAt = at;
    if (!entry.row.fromMe) bump.unread++;
    bumps.set(stored.chatId, bump);
  }
  await ingest.bumpChats(db, [...bumps.values()]);
  return events;
}

/** What an inbound reply quotes, as WhatsApp told it (text kept short: it is only a preview). */
function quotedFrom(payload: MessagePayload): QuotedMessage | null {
  const { replyTo } = payload;
  if (!replyTo) return null;
  return { key: messageKey(replyTo.id), participant: replyTo.participant ?? null, fromMe: null, body: replyTo.body?.slice(0, 500) ?? null, hasMedia: replyTo.hasMedia ?? false };
}
