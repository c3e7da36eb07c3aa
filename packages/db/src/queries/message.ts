import { and, count, desc, eq, gte, isNotNull, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
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
  reactions: message.reactions,
  failureReason: message.failureReason,
  sentByUserId: message.sentByUserId,
  editedAt: message.editedAt,
  deletedAt: message.deletedAt,
};

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
    const { timestamp, id } = params.cursor;
    conditions.push(or(lt(message.timestamp, timestamp), and(eq(message.timestamp, timestamp), lt(message.id, id))) as SQL);
  }
  const rows = await db
    .select(messageColumns)
    .from(message)
    .where(and(...conditions))
    .orderBy(desc(message.timestamp), desc(message.id))
    .limit(params.limit + 1);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > params.limit && last ? { timestamp: last.timestamp, id: last.id } : null;
  return { items, nextCursor };
}

export async function getMessage(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .select(messageColumns)
    .from(message)
    .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.id)));
  return row;
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
