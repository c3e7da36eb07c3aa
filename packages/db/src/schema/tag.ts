import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/** A coloured label agents put on chats. */
export const tag = pgTable(
  "tag",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    color: text().notNull().default("#25D366"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("tag_workspace_name_unique").on(table.workspaceId, table.name)],
);
