import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/** A saved reply; agents insert it by name or by its `/shortcut` in the composer. */
export const template = pgTable(
  "template",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    shortcut: text(),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("template_workspace_name_unique").on(table.workspaceId, table.name),
    uniqueIndex("template_workspace_shortcut_unique").on(table.workspaceId, table.shortcut),
  ],
);
