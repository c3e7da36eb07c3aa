import { and, eq, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.ts";
import { hasCause } from "../errors.ts";
import { queryPrepared } from "../prepared.ts";
import { chat } from "../schema/chat.ts";
import { newId } from "../schema/columns.ts";
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

/** One new-message webhook for `storeIncomingMessages`: its event, its chat and contact, its message. */
export interface IncomingChatMessage extends Omit<IncomingMessage, "chatId" | "system"> {
  /** The webhook's event id, claimed here (a replayed or duplicated one changes nothing). */
  eventId: string;
  waChatId: string;
  isGroup: boolean;
  /** What the payload tells of the other person (one-to-one chats): kept unless it says nothing new. */
  pushName: string | null;
  phoneNumber: string | null;
  lid: string | null;
}

/** A chat another batch created after this statement began: the batch runs again (`isStoreConflict`). */
const chatCreatedConcurrently = "23502";

/** `storeIncomingMessages`'s statement: `$1` is the JSON array of rows. */
const storeIncomingMessagesStatement = `with
  incoming as (
    select * from json_to_recordset($1::json) as m(
      ord int, "eventId" text, "workspaceId" text, "accountId" text, "waChatId" text, "isGroup" boolean, "newContactId" text, "newChatId" text,
      "pushName" text, "phoneNumber" text, lid text, id text, "waMessageId" text, "fromMe" boolean, author text, type text, body text,
      ack int, timestamp bigint, media jsonb, quoted jsonb)
  ),
  claimed as (
    insert into processed_webhook_event (source, event_id)
    select 'whatsapp', "eventId" from incoming order by "eventId"
    on conflict do nothing
    returning event_id
  ),
  fresh as (select incoming.* from incoming join claimed on claimed.event_id = incoming."eventId"),
  contact_in as (
    select "accountId", "waChatId" as wa_id, min("workspaceId") as workspace_id, min("newContactId") as new_id,
      (array_agg("pushName" order by ord desc) filter (where "pushName" is not null))[1] as push_name,
      (array_agg("phoneNumber" order by ord) filter (where "phoneNumber" is not null))[1] as phone_number,
      (array_agg(lid order by ord) filter (where lid is not null))[1] as lid
    from fresh where not "isGroup" group by "accountId", "waChatId"
  ),
  -- Lookups one row at a time through the unique index: a hash join would scan the whole table.
  contact_known as (
    select known.* from contact_in cross join lateral (
      select id, account_id, wa_id, push_name, phone_number, lid from contact
      where contact.account_id = contact_in."accountId" and contact.wa_id = contact_in.wa_id
    ) known
  ),
  contact_written as (
    insert into contact (id, workspace_id, account_id, wa_id, lid, push_name, phone_number)
    select contact_in.new_id, contact_in.workspace_id, contact_in."accountId", contact_in.wa_id, contact_in.lid, contact_in.push_name, contact_in.phone_number
    from contact_in left join contact_known known on known.account_id = contact_in."accountId" and known.wa_id = contact_in.wa_id
    where known.id is null
      or (contact_in.push_name is not null and contact_in.push_name is distinct from known.push_name)
      or (known.phone_number is null and contact_in.phone_number is not null)
      or (known.lid is null and contact_in.lid is not null)
    order by contact_in."accountId", contact_in.wa_id
    on conflict (account_id, wa_id) do update set
      push_name = coalesce(excluded.push_name, contact.push_name),
      phone_number = coalesce(contact.phone_number, excluded.phone_number),
      lid = coalesce(contact.lid, excluded.lid),
      updated_at = now()
    returning id, account_id, wa_id
  ),
  contact_ids as (
    select id, account_id, wa_id from contact_written
    union all
    select id, account_id, wa_id from contact_known known
    where not exists (select from contact_written written where written.account_id = known.account_id and written.wa_id = known.wa_id)
  ),
  messages_in as (select distinct on ("accountId", "waMessageId") * from fresh order by "accountId", "waMessageId", ord),
  chat_in as (
    select fresh."accountId", fresh."waChatId", min(fresh."workspaceId") as workspace_id, bool_or(fresh."isGroup") as is_group,
      min(fresh."newChatId") as new_id, min(contact_ids.id) as contact_id
    from fresh left join contact_ids on not fresh."isGroup" and contact_ids.account_id = fresh."accountId" and contact_ids.wa_id = fresh."waChatId"
    group by fresh."accountId", fresh."waChatId"
  ),
  chat_known as (
    select known.* from chat_in cross join lateral (
      select id, account_id, wa_chat_id from chat where chat.account_id = chat_in."accountId" and chat.wa_chat_id = chat_in."waChatId"
    ) known
  ),
  -- A chat created here starts with its messages of this batch: none of them can be stored yet.
  chat_created as (
    insert into chat (id, workspace_id, account_id, wa_chat_id, is_group, contact_id, last_message_at, unread_count)
    select chat_in.new_id, chat_in.workspace_id, chat_in."accountId", chat_in."waChatId", chat_in.is_group, chat_in.contact_id, to_timestamp(counts.at), counts.unread
    from chat_in
    join (
      select "accountId", "waChatId", max(timestamp) as at, count(*) filter (where not "fromMe")::int as unread from messages_in group by "accountId", "waChatId"
    ) counts on counts."accountId" = chat_in."accountId" and counts."waChatId" = chat_in."waChatId"
    where not exists (select from chat_known known where known.account_id = chat_in."accountId" and known.wa_chat_id = chat_in."waChatId")
    order by chat_in."accountId", chat_in."waChatId"
    on conflict (account_id, wa_chat_id) do nothing
    returning id, account_id, wa_chat_id
  ),
  chat_ids as (select id, account_id, wa_chat_id from chat_created union all select id, account_id, wa_chat_id from chat_known),
  inserted as (
    insert into message (id, workspace_id, account_id, chat_id, wa_message_id, from_me, author, type, body, ack, timestamp, media, quoted)
    select m.id, m."workspaceId", m."accountId", chat_ids.id, m."waMessageId", m."fromMe", m.author, m.type, m.body, m.ack, m.timestamp, m.media, m.quoted
    from messages_in m left join chat_ids on chat_ids.account_id = m."accountId" and chat_ids.wa_chat_id = m."waChatId"
    order by m."accountId", m."waMessageId"
    on conflict (account_id, wa_message_id) do nothing
    returning id, account_id, wa_message_id, chat_id, timestamp, from_me
  ),
  bumped as (
    update chat set
      last_message_at = greatest(chat.last_message_at, bump.at),
      unread_count = chat.unread_count + bump.unread,
      contact_id = coalesce(chat.contact_id, bump.contact_id),
      updated_at = now()
    from (
      select known.id, to_timestamp(max(inserted.timestamp)) as at, (count(inserted.id) filter (where not inserted.from_me))::int as unread, min(chat_in.contact_id) as contact_id
      from chat_known known
      join chat_in on chat_in."accountId" = known.account_id and chat_in."waChatId" = known.wa_chat_id
      left join inserted on inserted.chat_id = known.id
      group by known.id
    ) bump
    where chat.id = bump.id and (bump.at is not null or (chat.contact_id is null and bump.contact_id is not null))
  )
  select event_id as "eventId", null as id, null as "accountId", null as "waMessageId", null as "chatId" from claimed
  union all
  select null, id, account_id, wa_message_id, chat_id from inserted`;

/**
 * Stores new-message webhooks in one statement: claims their event ids, finds or creates the
 * contacts and chats of the claimed ones (a contact is written only when it is new or learnt
 * something: a name, its phone number, its hidden id; a known name is never replaced by nothing),
 * inserts each message once per (account, WhatsApp id), then moves each chat's last activity and
 * unread count by the messages stored now, every chat row written once. The first webhook per
 * message id wins; events must be unique within a call. One statement is one round trip and one
 * plan, so a batch costs the database little beyond its rows (bench/ingest-throughput).
 *
 * A chat created by a concurrent batch after this statement began is not visible to it: its
 * messages then have no chat and the statement fails with a not-null violation, which
 * `isStoreConflict` tells apart so the batch runs again and finds the chat.
 */
export async function storeIncomingMessages(db: Database, rows: IncomingChatMessage[]) {
  if (rows.length === 0) return { claimed: new Set<string>(), inserted: [] };
  // Ids for every row, and one per contact and chat (used only if this statement creates them).
  const newIds = new Map<string, string>();
  const idFor = (key: string) => newIds.get(key) ?? newIds.set(key, newId()).get(key);
  const incoming = JSON.stringify(
    rows.map((row, ord) => {
      const key = rowKey(row.accountId, row.waChatId);
      return { ...row, ord, id: newId(), newChatId: idFor(`chat ${key}`), newContactId: row.isGroup ? null : idFor(`contact ${key}`) };
    }),
  );
  const answer = await queryPrepared<{ eventId: string | null; id: string | null; accountId: string | null; waMessageId: string | null; chatId: string | null }>(
    db,
    "nexis_store_incoming_messages",
    storeIncomingMessagesStatement,
    [incoming],
  );
  const claimed = new Set<string>();
  const inserted: { id: string; accountId: string; waMessageId: string; chatId: string }[] = [];
  for (const row of answer) {
    if (row.eventId !== null) claimed.add(row.eventId);
    else inserted.push({ id: row.id as string, accountId: row.accountId as string, waMessageId: row.waMessageId as string, chatId: row.chatId as string });
  }
  return { claimed, inserted };
}

/** The store failed only because another batch created one of its chats meanwhile: running it again succeeds. */
export function isStoreConflict(error: unknown): boolean {
  return hasCause(error, (cause) => cause.code === chatCreatedConcurrently && cause.column === "chat_id");
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
