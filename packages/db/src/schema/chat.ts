import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";
import { contact } from "./contact.ts";
import { folder } from "./folder.ts";
import { tag } from "./tag.ts";
import { accountReference } from "./whatsapp-account.ts";

/** A group member as WAHA's `group.v2.*` events name them (`GroupParticipant`). */
export interface GroupMember {
  /** `<digits>@c.us` or `<n>@lid`. */
  id: string;
  /** The `@c.us` id when `id` is a `@lid` and WhatsApp tells it. */
  pn?: string | null;
  role: "participant" | "admin" | "superadmin";
}

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
    /** A group's members as the last `group.v2.*` event left them; null for one-to-one chats and groups not yet seen. */
    participants: jsonb().$type<GroupMember[]>(),
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
    // The inbox's order (newest activity, then id) per workspace and archived flag: a page of
    // chats is an index range, not a sort of the whole workspace.
    index("chat_workspace_sort_idx").on(table.workspaceId, table.archived, sql`coalesce("last_message_at", "created_at")`, table.id),
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
