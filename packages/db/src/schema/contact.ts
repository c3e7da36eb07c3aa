import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";
import { accountReference } from "./whatsapp-account.ts";

/** A WhatsApp contact as one linked number sees it (WhatsApp ids are per number). */
export const contact = pgTable(
  "contact",
  {
    id: id(),
    workspaceId: workspaceId(),
    accountId: accountReference(),
    /** WhatsApp's id, e.g. `5511999999999@c.us`. */
    waId: text().notNull(),
    name: text(),
    pushName: text(),
    phoneNumber: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("contact_account_wa_id_unique").on(table.accountId, table.waId),
    index("contact_workspace_idx").on(table.workspaceId),
  ],
);
