import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/** A workspace's folder of chats, shown in the inbox's left pane in `position` order. */
export const folder = pgTable(
  "folder",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("folder_workspace_name_unique").on(table.workspaceId, table.name)],
);
