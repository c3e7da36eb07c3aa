import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";
import { contact } from "./contact.ts";
import { folder } from "./folder.ts";
import { tag } from "./tag.ts";
import { accountReference } from "./whatsapp-account.ts";

/** A conversation (one-to-one or group) on one linked number. */
export const chat = pgTable(
  "chat",
  {
    id: id(),
    workspaceId: workspaceId(),
    accountId: accountReference(),
    /** WhatsApp's chat id, e.g. `5511999999999@c.us` or `1203...@g.us`. */
    waChatId: text().notNull(),
    contactId: text().references(() => contact.id, { onDelete: "set null" }),
    name: text(),
    isGroup: boolean().notNull().default(false),
    folderId: text().references(() => folder.id, { onDelete: "set null" }),
    assigneeUserId: text(),
    unreadCount: integer().notNull().default(0),
    archived: boolean().notNull().default(false),
    /** Pinned chats list first, most recently pinned on top. */
    pinnedAt: timestamp({ withTimezone: true }),
    /** No notifications for this chat (the inbox still shows it). */
    muted: boolean().notNull().default(false),
    lastMessageAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("chat_account_wa_chat_id_unique").on(table.accountId, table.waChatId),
    index("chat_workspace_last_message_idx").on(table.workspaceId, table.lastMessageAt),
  ],
);

/** Tags on chats; the workspace id is repeated so tenant filters need no join. */
export const chatTag = pgTable(
  "chat_tag",
  {
    chatId: text()
      .notNull()
      .references(() => chat.id, { onDelete: "cascade" }),
    tagId: text()
      .notNull()
      .references(() => tag.id, { onDelete: "cascade" }),
    workspaceId: workspaceId(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.chatId, table.tagId] }), index("chat_tag_workspace_idx").on(table.workspaceId)],
);
