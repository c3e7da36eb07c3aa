import { and, type AnyColumn, eq, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.ts";
import { chat } from "../schema/chat.ts";
import { newId } from "../schema/columns.ts";
import { contact } from "../schema/contact.ts";
import type { MessageMedia } from "../schema/media.ts";
import type { QuotedMessage, SystemEvent } from "../schema/message.ts";
import { message } from "../schema/message.ts";
import { processedWebhookEvent } from "../schema/processed-webhook-event.ts";
import { whatsappAccount, type SessionStatus } from "../schema/whatsapp-account.ts";

/** The account a WhatsApp session belongs to (session name = account id), with its sealed webhook key. */
export async function findAccountForSession(db: Database, params: { accountId: string }) {
  const [row] = await db
    .select({ id: whatsappAccount.id, workspaceId: whatsappAccount.workspaceId, webhookSecret: whatsappAccount.webhookSecret })
    .from(whatsappAccount)
    .where(eq(whatsappAccount.id, params.accountId));
  return row;
}

export async function setAccountStatus(
  db: Database,
  params: { accountId: string; status: SessionStatus; reason?: string | null; me?: { waId: string; phoneNumber: string; pushName: string | null } | null },
) {
  const me = params.me ? { waId: params.me.waId, phoneNumber: params.me.phoneNumber, pushName: params.me.pushName } : {};
  const [row] = await db
    .update(whatsappAccount)
    .set({ status: params.status, statusReason: params.reason ?? null, ...me })
    .where(eq(whatsappAccount.id, params.accountId))
    .returning({ id: whatsappAccount.id, workspaceId: whatsappAccount.workspaceId, status: whatsappAccount.status });
  return row;
}

/** `account_id` + separator + a WhatsApp id: one map key per row across the accounts of a batch. */
export const rowKey = (accountId: string, waId: string) => `${accountId}\u0000${waId}`;

/** The rows sorted by a key. */
const byKey = <Row>(rows: Row[], key: (row: Row) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** One array parameter (`$1::text[]`): the statement text stays the same whatever the batch size, and costs nothing to build. */
const array = (values: unknown[]) => sql.param(values);

/** Rows of these (account, id) pairs, as a semi-join on two arrays: one statement text for any number of pairs. */
function pairsIn(accountColumn: AnyColumn, idColumn: AnyColumn, pairs: { accountId: string; id: string }[]) {
  return sql`(${accountColumn}, ${idColumn}) in (select * from unnest(${array(pairs.map((pair) => pair.accountId))}::text[], ${array(pairs.map((pair) => pair.id))}::text[]))`;
}

/**
 * Records many webhook events as handled in one statement; answers the ids claimed now. An id
 * missing from the answer was handled before (or is being handled by a concurrent transaction,
 * which this one waits for): its effects must be skipped.
 */
export async function claimWebhookEvents(db: Database, params: { source: "whatsapp"; eventIds: string[] }): Promise<Set<string>> {
  const unique = [...new Set(params.eventIds)].sort();
  if (unique.length === 0) return new Set();
  const rows = await queryRows<{ event_id: string }>(
    db,
    sql`insert into ${processedWebhookEvent} (source, event_id)
        select ${params.source}, unnest(${array(unique)}::text[])
        on conflict do nothing
        returning event_id`,
  );
  return new Set(rows.map((row) => row.event_id));
}

export interface ContactRow {
  workspaceId: string;
  accountId: string;
  waId: string;
  lid: string | null;
  pushName: string | null;
  phoneNumber: string | null;
}

/**
 * Finds or creates the contacts of one-to-one chats, many at once (one row per account and id).
 * Reads first and writes only the rows that are new or learnt something (a name, the phone
 * number, the hidden id), so a busy chat's contact costs one indexed read per batch. A known
 * name is never replaced by nothing. Answers ids by `rowKey`.
 */
export async function upsertContacts(db: Database, rows: ContactRow[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const existing = await db
    .select({ id: contact.id, accountId: contact.accountId, waId: contact.waId, pushName: contact.pushName, phoneNumber: contact.phoneNumber, lid: contact.lid })
    .from(contact)
    .where(pairsIn(contact.accountId, contact.waId, rows.map((row) => ({ accountId: row.accountId, id: row.waId }))));
  const known = new Map(existing.map((row) => [rowKey(row.accountId, row.waId), row]));
  // In key order, so overlapping batches take row locks in the same order.
  const toWrite = byKey(rows, (row) => rowKey(row.accountId, row.waId)).filter((row) => {
    const stored = known.get(rowKey(row.accountId, row.waId));
    if (stored) ids.set(rowKey(row.accountId, row.waId), stored.id);
    return (
      !stored ||
      (row.pushName !== null && row.pushName !== stored.pushName) ||
      (stored.phoneNumber === null && row.phoneNumber !== null) ||
      (stored.lid === null && row.lid !== null)
    );
  });
  if (toWrite.length === 0) return ids;
  const column = <Key extends keyof ContactRow>(key: Key) => array(toWrite.map((row) => row[key]));
  const written = await queryRows<{ id: string; accountId: string; waId: string }>(
    db,
    sql`insert into ${contact} (id, workspace_id, account_id, wa_id, lid, push_name, phone_number)
        select * from unnest(
          ${array(toWrite.map(() => newId()))}::text[], ${column("workspaceId")}::text[], ${column("accountId")}::text[],
          ${column("waId")}::text[], ${column("lid")}::text[], ${column("pushName")}::text[], ${column("phoneNumber")}::text[]
        )
        on conflict (account_id, wa_id) do update set
          push_name = coalesce(excluded.push_name, ${contact.pushName}),
          phone_number = coalesce(${contact.phoneNumber}, excluded.phone_number),
          lid = coalesce(${contact.lid}, excluded.lid),
          updated_at = now()
        returning id, account_id as "accountId", wa_id as "waId"`,
  );
  for (const row of written) ids.set(rowKey(row.accountId, row.waId), row.id);
  return ids;
}

export interface ChatRow {
  workspaceId: string;
  accountId: string;
  waChatId: string;
  isGroup: boolean;
  contactId: string | null;
}

/**
 * Finds or creates chats by WhatsApp id, many at once (one row per account and id): one indexed
 * read, and a write only for chats that are new or gain their contact. Answers ids by `rowKey`.
 */
export async function upsertChats(db: Database, rows: ChatRow[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const existing = await db
    .select({ id: chat.id, accountId: chat.accountId, waChatId: chat.waChatId, contactId: chat.contactId })
    .from(chat)
    .where(pairsIn(chat.accountId, chat.waChatId, rows.map((row) => ({ accountId: row.accountId, id: row.waChatId }))));
  const known = new Map(existing.map((row) => [rowKey(row.accountId, row.waChatId), row]));
  const toWrite = byKey(rows, (row) => rowKey(row.accountId, row.waChatId)).filter((row) => {
    const stored = known.get(rowKey(row.accountId, row.waChatId));
    if (stored) ids.set(rowKey(row.accountId, row.waChatId), stored.id);
    return !stored || (stored.contactId === null && row.contactId !== null);
  });
  if (toWrite.length === 0) return ids;
  const column = <Key extends keyof ChatRow>(key: Key) => array(toWrite.map((row) => row[key]));
  const written = await queryRows<{ id: string; accountId: string; waChatId: string }>(
    db,
    sql`insert into ${chat} (id, workspace_id, account_id, wa_chat_id, is_group, contact_id)
        select * from unnest(
          ${array(toWrite.map(() => newId()))}::text[], ${column("workspaceId")}::text[], ${column("accountId")}::text[],
          ${column("waChatId")}::text[], ${column("isGroup")}::boolean[], ${column("contactId")}::text[]
        )
        on conflict (account_id, wa_chat_id) do update set contact_id = coalesce(${chat.contactId}, excluded.contact_id), updated_at = now()
        returning id, account_id as "accountId", wa_chat_id as "waChatId"`,
  );
  for (const row of written) ids.set(rowKey(row.accountId, row.waChatId), row.id);
  return ids;
}

export interface IncomingMessage {
  workspaceId: string;
  accountId: string;
  chatId: string;
  waMessageId: string;
  fromMe: boolean;
  author: string | null;
  type: string;
  body: string | null;
  ack: number;
  timestamp: number;
  media: MessageMedia | null;
  quoted: QuotedMessage | null;
  /** Only for `type` "system" lines. */
  system?: SystemEvent | null;
}

/**
 * Stores messages once per (account, WhatsApp id), many in one statement (one row per id).
 * Answers the rows that are new; a message already stored (a replay, our own send coming back)
 * is left as it is.
 */
export async function insertMessages(db: Database, incoming: IncomingMessage[]) {
  if (incoming.length === 0) return [];
  const messages = byKey(incoming, (row) => rowKey(row.accountId, row.waMessageId));
  const column = <Key extends keyof IncomingMessage>(key: Key) => array(messages.map((row) => row[key]));
  return queryRows<{ id: string; accountId: string; waMessageId: string; chatId: string }>(
    db,
    sql`insert into ${message} (id, workspace_id, account_id, chat_id, wa_message_id, from_me, author, type, body, ack, timestamp, media, quoted, system)
        select id, workspace_id, account_id, chat_id, wa_message_id, from_me, author, type, body, ack, timestamp, media::jsonb, quoted::jsonb, system::jsonb
        from unnest(
          ${array(messages.map(() => newId()))}::text[], ${column("workspaceId")}::text[], ${column("accountId")}::text[],
          ${column("chatId")}::text[], ${column("waMessageId")}::text[], ${column("fromMe")}::boolean[], ${column("author")}::text[],
          ${column("type")}::text[], ${column("body")}::text[], ${column("ack")}::int[], ${column("timestamp")}::bigint[],
          ${array(messages.map((row) => (row.media === null ? null : JSON.stringify(row.media))))}::text[],
          ${array(messages.map((row) => (row.quoted === null ? null : JSON.stringify(row.quoted))))}::text[],
          ${array(messages.map((row) => (row.system ? JSON.stringify(row.system) : null)))}::text[]
        ) as incoming(id, workspace_id, account_id, chat_id, wa_message_id, from_me, author, type, body, ack, timestamp, media, quoted, system)
        on conflict (account_id, wa_message_id) do nothing
        returning id, account_id as "accountId", wa_message_id as "waMessageId", chat_id as "chatId"`,
  );
}

/**
 * Moves chats' last activity forward and adds their new unread messages, many chats in one
 * statement (one row per chat, in id order so concurrent batches lock chats alike).
 */
export async function bumpChats(db: Database, bumps: { chatId: string; lastMessageAt: Date; unread: number }[]) {
  if (bumps.length === 0) return;
  const sorted = byKey(bumps, (bump) => bump.chatId);
  await db.execute(sql`
    update ${chat} set
      last_message_at = greatest(${chat.lastMessageAt}, bump.at),
      unread_count = ${chat.unreadCount} + bump.unread,
      updated_at = now()
    from unnest(
      ${array(sorted.map((bump) => bump.chatId))}::text[],
      ${array(sorted.map((bump) => bump.lastMessageAt.toISOString()))}::timestamptz[],
      ${array(sorted.map((bump) => bump.unread))}::int[]
    ) as bump(id, at, unread)
    where ${chat.id} = bump.id`);
}

/** Moves a message's ack forward only: a late DEVICE never overwrites READ. */
export async function advanceAck(db: Database, params: { accountId: string; waMessageId: string; ack: number }) {
  return db
    .update(message)
    .set({ ack: params.ack })
    .where(and(eq(message.accountId, params.accountId), eq(message.waMessageId, params.waMessageId), lt(message.ack, params.ack)))
    .returning({ id: message.id, chatId: message.chatId, ack: message.ack });
}

/** Sets or (with an empty emoji) removes one person's reaction to a message. */
export async function setReaction(db: Database, params: { accountId: string; waMessageId: string; from: string; emoji: string }) {
  const reactions = params.emoji
    ? sql`${message.reactions} || jsonb_build_object(${params.from}::text, ${params.emoji}::text)`
    : sql`${message.reactions} - ${params.from}::text`;
  return db
    .update(message)
    .set({ reactions })
    .where(and(eq(message.accountId, params.accountId), eq(message.waMessageId, params.waMessageId)))
    .returning({ id: message.id, chatId: message.chatId });
}

/**
 * A message by its full WhatsApp id, or by the key part alone (`true_<chat>_<key>`): WAHA names
 * an edited or revoked message by its key only.
 */
function byWhatsAppIdOrKey(accountId: string, idOrKey: string) {
  const isFullId = /^(true|false)_/.test(idOrKey);
  return and(
    eq(message.accountId, accountId),
    isFullId ? eq(message.waMessageId, idOrKey) : sql`position(${`_${idOrKey}`}::text in ${message.waMessageId}) > 0`,
  );
}

export async function editMessageBody(db: Database, params: { accountId: string; idOrKey: string; body: string }) {
  return db
    .update(message)
    .set({ body: params.body, editedAt: new Date() })
    .where(byWhatsAppIdOrKey(params.accountId, params.idOrKey))
    .returning({ id: message.id, chatId: message.chatId });
}

export async function markMessageRevoked(db: Database, params: { accountId: string; idOrKey: string }) {
  return db
    .update(message)
    .set({ deletedAt: new Date() })
    .where(byWhatsAppIdOrKey(params.accountId, params.idOrKey))
    .returning({ id: message.id, chatId: message.chatId });
}

export async function setChatArchived(db: Database, params: { accountId: string; waChatId: string; archived: boolean }) {
  return db
    .update(chat)
    .set({ archived: params.archived })
    .where(and(eq(chat.accountId, params.accountId), eq(chat.waChatId, params.waChatId)))
    .returning({ id: chat.id });
}
