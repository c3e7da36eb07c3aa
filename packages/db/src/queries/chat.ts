import { and, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.ts";
import { preparedPerDatabase } from "../prepared.ts";
import { chat, chatTag } from "../schema/chat.ts";
import { contact } from "../schema/contact.ts";
import { message, type SystemEvent } from "../schema/message.ts";
import { tag } from "../schema/tag.ts";
import { whatsappAccount } from "../schema/whatsapp-account.ts";

export interface ChatFilters {
  accountId?: string | undefined;
  /** A folder's chats; `null` for chats in no folder (the inbox itself). */
  folderId?: string | null | undefined;
  tagId?: string | undefined;
  /** Only chats with unread messages. */
  unread?: boolean | undefined;
  /** Archived chats instead of the others. */
  archived?: boolean | undefined;
  /** A member's chats; `null` for the chats nobody is assigned. */
  assignedTo?: string | null | undefined;
  /** Only pinned chats (the inbox shows them above the rest). */
  pinned?: boolean | undefined;
}

/** Where a page of chats ends: the last chat's sort time and id (ties broken by id). */
export interface ChatCursor {
  sortAt: string;
  id: string;
}

/** The time chats sort by, newest first: the last message, or creation for a chat without one. */
const sortAt = sql<Date>`coalesce(${chat.lastMessageAt}, ${chat.createdAt})`;

const chatColumns = {
  id: chat.id,
  accountId: chat.accountId,
  waChatId: chat.waChatId,
  name: chat.name,
  isGroup: chat.isGroup,
  folderId: chat.folderId,
  assigneeUserId: chat.assigneeUserId,
  unreadCount: chat.unreadCount,
  archived: chat.archived,
  pinnedAt: chat.pinnedAt,
  muted: chat.muted,
  lastMessageAt: chat.lastMessageAt,
  createdAt: chat.createdAt,
  contact: { id: contact.id, waId: contact.waId, name: contact.name, pushName: contact.pushName, phoneNumber: contact.phoneNumber },
};

function filterConditions(workspaceId: string, filters: ChatFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(chat.workspaceId, workspaceId), eq(chat.archived, filters.archived ?? false)];
  if (filters.accountId) conditions.push(eq(chat.accountId, filters.accountId));
  if (filters.folderId !== undefined) conditions.push(filters.folderId === null ? isNull(chat.folderId) : eq(chat.folderId, filters.folderId));
  if (filters.unread) conditions.push(gt(chat.unreadCount, 0));
  if (filters.assignedTo !== undefined) {
    conditions.push(filters.assignedTo === null ? isNull(chat.assigneeUserId) : eq(chat.assigneeUserId, filters.assignedTo));
  }
  if (filters.pinned) conditions.push(isNotNull(chat.pinnedAt));
  if (filters.tagId) {
    const tagged = and(eq(chatTag.chatId, chat.id), eq(chatTag.tagId, filters.tagId), eq(chatTag.workspaceId, workspaceId));
    conditions.push(sql`exists (select 1 from ${chatTag} where ${tagged})`);
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * The chats of a query, each with its contact, tags and last message, in one statement: the last
 * message through a lateral index lookup (chat, timestamp, id) and the tags as a JSON array.
 */
function selectChats(db: Database) {
  const lastMessage = db
    .select({
      id: message.id,
      fromMe: message.fromMe,
      type: message.type,
      body: message.body,
      system: message.system,
      ack: message.ack,
      timestamp: message.timestamp,
      deleted: sql<boolean>`${message.deletedAt} is not null`.as("deleted"),
    })
    .from(message)
    .where(and(eq(message.chatId, chat.id), eq(message.workspaceId, chat.workspaceId)))
    .orderBy(desc(message.timestamp), desc(message.id))
    .limit(1)
    .as("last_message");
  const tags = sql<{ id: string; name: string; color: string }[]>`coalesce((
      select json_agg(json_build_object('id', ${tag.id}, 'name', ${tag.name}, 'color', ${tag.color}) order by ${tag.name})
        from ${chatTag} join ${tag} on ${tag.id} = ${chatTag.tagId}
       where ${chatTag.chatId} = ${chat.id} and ${chatTag.workspaceId} = ${chat.workspaceId}
    ), '[]'::json)`;
  return db
    .select({
      ...chatColumns,
      sortAt: sortAt.as("sort_at"),
      tags: tags.as("tags"),
      last: {
        id: lastMessage.id,
        fromMe: lastMessage.fromMe,
        type: lastMessage.type,
        body: lastMessage.body,
        system: lastMessage.system,
        ack: lastMessage.ack,
        timestamp: lastMessage.timestamp,
        deleted: lastMessage.deleted,
      },
    })
    .from(chat)
    .leftJoin(contact, eq(contact.id, chat.contactId))
    .leftJoinLateral(lastMessage, sql`true`)
    .$dynamic();
}

type ChatRow = Awaited<ReturnType<ReturnType<typeof selectChats>["execute"]>>[number];

/** A chat's last message as the inbox previews it. */
export interface LastMessage {
  id: string;
  fromMe: boolean;
  type: string;
  body: string | null;
  /** For a system line: what happened, for the reader's language. */
  system: SystemEvent | null;
  ack: number;
  timestamp: number;
  deleted: boolean;
}

/** A chat as the inbox shows it: the row with `lastMessage` (null for a chat without messages). */
function toInboxChat({ sortAt: _sortAt, last, ...row }: ChatRow) {
  // The lateral join types every column nullable; with an id, the message row exists and its
  // not-null columns are set.
  const lastMessage = last?.id ? ({ ...last, timestamp: Number(last.timestamp) } as LastMessage) : null;
  return { ...row, lastMessage };
}

/** Opening the inbox: no filter but "not archived", no cursor. */
const isInboxFirstPage = (params: { filters: ChatFilters; cursor?: ChatCursor | undefined }) =>
  !params.cursor && Object.entries(params.filters).every(([name, value]) => value === undefined || (name === "archived" && value === false));

/** The inbox's first page is its most frequent read (every agent, every reconnect). */
const inboxFirstPage = preparedPerDatabase((db) =>
  selectChats(db)
    .where(and(eq(chat.workspaceId, sql.placeholder("workspaceId")), eq(chat.archived, false)))
    .orderBy(desc(sortAt), desc(chat.id))
    .limit(sql.placeholder("limit"))
    .prepare("inbox_first_page"),
);

/**
 * A page of the workspace's chats, newest activity first, each with its contact, tags and last
 * message. `nextCursor` continues after the page's last chat; null on the last page.
 */
export async function listChats(db: Database, params: { workspaceId: string; filters: ChatFilters; limit: number; cursor?: ChatCursor | undefined }) {
  const conditions = filterConditions(params.workspaceId, params.filters);
  if (params.cursor) {
    // A row comparison, so the page continues along the (workspace, archived, sort time, id) index.
    conditions.push(sql`(${sortAt}, ${chat.id}) < (${new Date(params.cursor.sortAt)}, ${params.cursor.id})`);
  }
  const rows = isInboxFirstPage(params)
    ? await inboxFirstPage(db).execute({ workspaceId: params.workspaceId, limit: params.limit + 1 })
    : await selectChats(db)
        .where(and(...conditions))
        .orderBy(desc(sortAt), desc(chat.id))
        .limit(params.limit + 1);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? { sortAt: new Date(last.sortAt).toISOString(), id: last.id } : null;
  return { items: page.map(toInboxChat), nextCursor };
}

/** One chat of the workspace with its contact, tags and last message. */
export async function getChat(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await selectChats(db).where(and(eq(chat.workspaceId, params.workspaceId), eq(chat.id, params.id)));
  return row ? toInboxChat(row) : undefined;
}

/** How many of `chatIds` belong to the workspace (to refuse a batch naming another's chats). */
export async function countChatsInWorkspace(db: Database, params: { workspaceId: string; chatIds: string[] }) {
  const rows = await db
    .select({ id: chat.id })
    .from(chat)
    .where(and(eq(chat.workspaceId, params.workspaceId), inArray(chat.id, params.chatIds)));
  return rows.length;
}

/** Puts chats into a folder, or back into the inbox with `folderId: null`. */
export async function setChatsFolder(db: Database, params: { workspaceId: string; chatIds: string[]; folderId: string | null }) {
  return db
    .update(chat)
    .set({ folderId: params.folderId })
    .where(and(eq(chat.workspaceId, params.workspaceId), inArray(chat.id, params.chatIds)))
    .returning({ id: chat.id });
}

/** Moves a folder's given chats back to the inbox; chats in other folders stay where they are. */
export async function removeChatsFromFolder(db: Database, params: { workspaceId: string; folderId: string; chatIds: string[] }) {
  return db
    .update(chat)
    .set({ folderId: null })
    .where(and(eq(chat.workspaceId, params.workspaceId), eq(chat.folderId, params.folderId), inArray(chat.id, params.chatIds)))
    .returning({ id: chat.id });
}

/** Puts a tag on chats; a chat that already has it is left as it is. */
export async function attachTag(db: Database, params: { workspaceId: string; tagId: string; chatIds: string[] }) {
  await db
    .insert(chatTag)
    .values(params.chatIds.map((chatId) => ({ chatId, tagId: params.tagId, workspaceId: params.workspaceId })))
    .onConflictDoNothing();
}

export async function detachTag(db: Database, params: { workspaceId: string; tagId: string; chatIds: string[] }) {
  await db
    .delete(chatTag)
    .where(and(eq(chatTag.workspaceId, params.workspaceId), eq(chatTag.tagId, params.tagId), inArray(chatTag.chatId, params.chatIds)));
}

/** What sending to a chat needs: its WhatsApp id, its account and whether that number is connected. */
export async function getChatForSend(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ id: chat.id, accountId: chat.accountId, waChatId: chat.waChatId, accountStatus: whatsappAccount.status })
    .from(chat)
    .innerJoin(whatsappAccount, eq(whatsappAccount.id, chat.accountId))
    .where(and(eq(chat.workspaceId, params.workspaceId), eq(chat.id, params.id)));
  return row;
}

/** What an agent can change on a chat from the inbox. */
export type ChatChanges = Partial<{ assigneeUserId: string | null; archived: boolean; pinnedAt: Date | null; muted: boolean; unreadCount: number }>;

export async function updateChat(db: Database, params: { workspaceId: string; id: string; changes: ChatChanges }) {
  const [row] = await db
    .update(chat)
    .set(params.changes)
    .where(and(eq(chat.workspaceId, params.workspaceId), eq(chat.id, params.id)))
    .returning({ id: chat.id, accountId: chat.accountId, waChatId: chat.waChatId, unreadCount: chat.unreadCount });
  return row;
}
