import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/** WAHA's session statuses; an account mirrors its session's. */
export const sessionStatuses = ["STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/**
 * A linked WhatsApp number (the seed's "account"; Better Auth already owns the table name
 * `account`). Its id is also the WAHA session name.
 */
export const whatsappAccount = pgTable(
  "whatsapp_account",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text().notNull(),
    phoneNumber: text(),
    pushName: text(),
    status: text({ enum: sessionStatuses }).notNull().default("STOPPED"),
    engine: text({ enum: ["SANDBOX", "WEBJS"] }).notNull().default("SANDBOX"),
    /** Why the session is FAILED (or was stopped), as the WhatsApp service put it. */
    statusReason: text(),
    /** The linked number's WhatsApp id (`me.id`, e.g. `5511999999999@c.us`), once WORKING. */
    waId: text(),
    /** The key the WhatsApp service signs this account's webhooks with, encrypted at rest. */
    webhookSecret: text(),
    /** How many messages a minute the outbound queue may send from this number; null = the server default. */
    messagesPerMinute: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("whatsapp_account_workspace_name_unique").on(table.workspaceId, table.name),
    uniqueIndex("whatsapp_account_workspace_phone_unique").on(table.workspaceId, table.phoneNumber),
    index("whatsapp_account_workspace_idx").on(table.workspaceId),
  ],
);

/** The linked number a row belongs to; the row goes when the number is removed. */
export const accountReference = () =>
  text()
    .notNull()
    .references(() => whatsappAccount.id, { onDelete: "cascade" });
