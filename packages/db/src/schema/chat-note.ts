import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { chat } from "./chat.ts";
import { createdAt, id, workspaceId } from "./columns.ts";

/** A private note on a chat: shown to the team in the conversation, never sent to the contact. */
export const chatNote = pgTable(
  "chat_note",
  {
    id: id(),
    workspaceId: workspaceId(),
    chatId: text()
      .notNull()
      .references(() => chat.id, { onDelete: "cascade" }),
    authorUserId: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    /** When its author last changed the text (the team sees "edited"). */
    editedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index("chat_note_chat_idx").on(table.chatId, table.createdAt)],
);
