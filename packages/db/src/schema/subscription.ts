import { boolean, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/** A workspace's plan and its state at the payment provider (sandbox or Creem). */
export const subscription = pgTable(
  "subscription",
  {
    id: id(),
    workspaceId: workspaceId(),
    plan: text({ enum: ["free", "pro", "business"] }).notNull().default("free"),
    interval: text({ enum: ["month", "year"] }),
    status: text({ enum: ["active", "trialing", "past_due", "canceled", "expired"] }).notNull().default("active"),
    provider: text({ enum: ["sandbox", "creem"] }),
    providerCustomerId: text(),
    providerSubscriptionId: text(),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("subscription_workspace_unique").on(table.workspaceId),
    uniqueIndex("subscription_provider_subscription_unique").on(table.provider, table.providerSubscriptionId),
  ],
);
