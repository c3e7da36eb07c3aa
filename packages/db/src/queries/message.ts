import { and, count, desc, eq, gte, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
import { preparedPerDatabase } from "../prepared.ts";
import { chat } from "../schema/chat.ts";
import { message } from "../schema/message.ts";

/** Where a page of messages ends: the last message's WhatsApp timestamp and id. */
export interface MessageCursor {
  timestamp: number;
  id: string;
}

const messageColumns = {
  id: message.id,
  chatId: message.chatId,
  waMessageId: message.waMessageId,
  fromMe: message.fromMe,
  author: message.author,
  type: message.type,
  body: message.body,
  ack: message.ack,
  timestamp: message.timestamp,
  media: message.media,
  mediaId: message.mediaId,
  quoted: message.quoted,
  system: message.system,
  reactions: message.reactions,
  failureReason: message.failureReason,
  sentByUserId: message.sentByUserId,
  editedAt: message.editedAt,
  deletedAt: message.deletedAt,
};

/** A chat's newest messages: what opening a chat reads. */
const newestPage = preparedPerDatabase((db) =>
  db
    .select(messageColumns)
    .from(message)
    .where(and(eq(message.workspaceId, sql.placeholder("workspaceId")), eq(message.chatId, sql.placeholder("chatId"))))
    .orderBy(desc(message.timestamp), desc(message.id))
    .limit(sql.placeholder("limit"))
    .prepare("chat_newest_messages"),
);

/**
 * A page of one chat's messages, newest first. The chat must already be known to belong to the
 * workspace; the workspace filter is repeated so a wrong chat id can never read across tenants.
 */
export async function listMessages(
  db: Database,
  params: { workspaceId: string; chatId: string; limit: number; cursor?: MessageCursor | undefined },
) {
  const conditions: SQL[] = [eq(message.workspaceId, params.workspaceId), eq(message.chatId, params.chatId)];
  if (params.cursor) {
    // A row comparison, so the page continues along the (chat, timestamp, id) index.
    conditions.push(sql`(${message.timestamp}, ${message.id}) < (${params.cursor.timestamp}, ${params.cursor.id})`);
  }
  const rows = params.cursor
    ? await db
        .select(messageColumns)
        .from(message)
        .where(and(...conditions))
        .orderBy(desc(message.timestamp), desc(message.id))
        .limit(params.limit + 1)
    : await newestPage(db).execute({ workspaceId: params.workspaceId, chatId: params.chatId, limit: params.limit + 1 });
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? { timestamp: last.timestamp, id: last.id } : null;
  return { items: await withReplyTargets(db, params, page), nextCursor };
}

/**
 * The key part of a WAHA message id (`true_<chat>_<KEY>`, `false_<group>_<KEY>_<author>`), or the
 * value itself when it is a key already (WhatsApp quotes and edits name messages by key).
 */
export function messageKey(waMessageId: string): string {
  return /^(true|false)_/.test(waMessageId) ? (waMessageId.split("_")[2] ?? waMessageId) : waMessageId;
}

type MessageRow = Awaited<ReturnType<typeof selectMessages>>[number];
const selectMessages = (db: Database) => db.select(messageColumns).from(message);

/**
 * Adds `replyToId` to each reply: the stored message it quotes (in the same chat), so the inbox
 * can scroll to it, and whether we wrote it; null when the original is not stored here.
 */
async function withReplyTargets(db: Database, scope: { workspaceId: string; chatId: string }, rows: MessageRow[]) {
  const keys = [...new Set(rows.flatMap((row) => (row.quoted ? [row.quoted.key] : [])))];
  const targets = keys.length
    ? await db
        .select({ id: message.id, key: sql<string>`split_part(${message.waMessageId}, '_', 3)`, fromMe: message.fromMe })
        .from(message)
        .where(and(eq(message.workspaceId, scope.workspaceId), eq(message.chatId, scope.chatId), sql`split_part(${message.waMessageId}, '_', 3) = any(${sql.param(keys)}::text[])`))
    : [];
  const byKey = new Map(targets.map((target) => [target.key, target]));
  return rows.map((row) => {
    const target = row.quoted ? byKey.get(row.quoted.key) : undefined;
    const quoted = row.quoted && target ? { ...row.quoted, fromMe: target.fromMe } : row.quoted;
    return { ...row, quoted, replyToId: target?.id ?? null };
  });
}

export async function getMessage(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await selectMessages(db).where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.id)));
  if (!row) return undefined;
  const [withTarget] = await withReplyTargets(db, { workspaceId: params.workspaceId, chatId: row.chatId }, [row]);
  return withTarget;
}

/** The first instant of the current calendar month in UTC, when monthly plan limits reset. */
export function startOfMonthUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Messages the workspace sent through NexisChat this calendar month (UTC): ours (`fromMe`) and
 * sent by an agent or the API, not typed on the phone, which the plan does not meter.
 */
export async function countMonthlyOutboundMessages(db: Database, params: { workspaceId: string; now?: Date }): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(message)
    .where(
      and(
        eq(message.workspaceId, params.workspaceId),
        eq(message.fromMe, true),
        isNotNull(message.sentByUserId),
        gte(message.createdAt, startOfMonthUtc(params.now)),
      ),
    );
  return row?.value ?? 0;
}

/** What acting on a message through WhatsApp needs: its ids, its chat's WhatsApp id and its number. */
export async function getMessageTarget(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ id: message.id, accountId: message.accountId, waMessageId: message.waMessageId, fromMe: message.fromMe, deletedAt: message.deletedAt, waChatId: chat.waChatId })
    .from(message)
    .innerJoin(chat, eq(chat.id, message.chatId))
    .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.id)));
  return row;
}
