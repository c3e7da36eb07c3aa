import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";
import { accountReference } from "./whatsapp-account.ts";

/**
 * Outbound work (a message to send) written in the same transaction as the user's action, then
 * delivered by the queue with retries. `idempotencyKey` makes a retried request enqueue once.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    workspaceId: workspaceId(),
    accountId: accountReference(),
    kind: text().notNull(),
    payload: jsonb().notNull(),
    idempotencyKey: text().notNull(),
    status: text({ enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("outbox_workspace_idempotency_unique").on(table.workspaceId, table.idempotencyKey),
    index("outbox_status_next_attempt_idx").on(table.status, table.nextAttemptAt),
  ],
);
