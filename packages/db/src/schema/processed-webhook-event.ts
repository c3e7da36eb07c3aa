import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Webhook events already handled, by source and the sender's event id. Inserting first, in the
 * same transaction as the event's effects, makes a replayed event a no-op.
 */
export const processedWebhookEvent = pgTable(
  "processed_webhook_event",
  {
    source: text({ enum: ["whatsapp", "creem", "sandbox-payments"] }).notNull(),
    eventId: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.source, table.eventId] })],
);
