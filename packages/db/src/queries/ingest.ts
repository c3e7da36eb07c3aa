import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat } from "../schema/chat.ts";
import { contact } from "../schema/contact.ts";
import { message } from "../schema/message.ts";
import { processedWebhookEvent } from "../schema/processed-webhook-event.ts";
import { whatsappAccount, type SessionStatus } from "../schema/whatsapp-account.ts";

/**
 * Records a webhook event as handled. True the first time; false for a replay or a duplicate,
 * whose effects must then be skipped. Call it in the same transaction as the effects: a
 * concurrent duplicate waits on the first's insert and then sees it.
 */
export async function claimWebhookEvent(db: Database, params: { source: "whatsapp" | "creem" | "sandbox-payments"; eventId: string }) {
  const rows = await db.insert(processedWebhookEvent).values(params).onConflictDoNothing().returning({ eventId: processedWebhookEvent.eventId });
  return rows.length === 1;
}

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

/** Finds or creates the contact of a one-to-one chat; a known name is never replaced by nothing. */
export async function upsertContact(
  db: Database,
  params: { workspaceId: string; accountId: string; waId: string; pushName: string | null; phoneNumber: string | null },
) {
  const [row] = await db
    .insert(contact)
    .values(params)
    .onConflictDoUpdate({
      target: [contact.accountId, contact.waId],
      set: { pushName: sql`coalesce(excluded.push_name, ${contact.pushName})`, phoneNumber: sql`coalesce(${contact.phoneNumber}, excluded.phone_number)` },
    })
    .returning({ id: contact.id });
  if (!row) throw new Error("contact upsert returned no row");
  return row;
}

/** Finds or creates a chat by its WhatsApp id on an account. */
export async function upsertChat(
  db: Database,
  params: { workspaceId: string; accountId: string; waChatId: string; isGroup: boolean; contactId: string | null; name: string | null },
) {
  const [row] = await db
    .insert(chat)
    .values(params)
    .onConflictDoUpdate({
      target: [chat.accountId, chat.waChatId],
      set: { contactId: sql`coalesce(${chat.contactId}, excluded.contact_id)`, name: sql`coalesce(${chat.name}, excluded.name)` },
    })
    .returning({ id: chat.id });
  if (!row) throw new Error("chat upsert returned no row");
  return row;
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
  media: unknown;
}

/**
 * Stores a message once per (account, WhatsApp id) and, only when it is new, moves the chat's
 * last activity forward and counts it unread if it came from the contact. Returns the new row's id,
 * or null for a message already stored (a replay, or our own send coming back).
 */
export async function insertIncomingMessage(db: Database, incoming: IncomingMessage) {
  const [row] = await db
    .insert(message)
    .values({ ...incoming, media: incoming.media ?? null })
    .onConflictDoNothing({ target: [message.accountId, message.waMessageId] })
    .returning({ id: message.id });
  if (!row) return null;
  const at = new Date(incoming.timestamp * 1000);
  await db
    .update(chat)
    .set({
      lastMessageAt: sql`greatest(${chat.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
      unreadCount: incoming.fromMe ? sql`${chat.unreadCount}` : sql`${chat.unreadCount} + 1`,
    })
    .where(eq(chat.id, incoming.chatId));
  return row.id;
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
