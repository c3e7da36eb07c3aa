import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, workspaceId } from "./columns.ts";

/** Who did what in a workspace: member changes, billing, account linking, deletions. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    workspaceId: workspaceId(),
    actorUserId: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    metadata: jsonb(),
    /** The client's address as the server saw it. */
    ipAddress: text(),
    createdAt: createdAt(),
  },
  (table) => [index("audit_log_workspace_created_idx").on(table.workspaceId, table.createdAt)],
);
