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
    /** WhatsApp's id, e.g. `5511999999999@c.us` (or `<n>@lid` while the phone number is hidden). */
    waId: text().notNull(),
    /** WhatsApp's hidden id for the same person (`<n>@lid`), once a webhook reveals it beside the phone number. */
    lid: text(),
    name: text(),
    pushName: text(),
    phoneNumber: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("contact_account_wa_id_unique").on(table.accountId, table.waId),
    uniqueIndex("contact_account_lid_unique").on(table.accountId, table.lid),
    index("contact_workspace_idx").on(table.workspaceId),
  ],
);
