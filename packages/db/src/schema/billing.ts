import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, workspaceId } from "./columns.ts";

/**
 * A checkout we started: its id is the `request_id` sent to the provider and echoed back in the
 * return URL and the `checkout.completed` webhook, which is how both are tied to a workspace.
 */
export const billingCheckout = pgTable(
  "billing_checkout",
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: text().notNull(),
    customerEmail: text().notNull(),
    plan: text({ enum: ["pro", "business"] }).notNull(),
    interval: text({ enum: ["month", "year"] }).notNull(),
    provider: text({ enum: ["sandbox", "creem"] }).notNull(),
    productId: text().notNull(),
    providerCheckoutId: text(),
    successUrl: text().notNull(),
    /** `pending` until paid; the sandbox also records `declined` attempts. */
    status: text({ enum: ["pending", "completed", "declined"] }).notNull().default("pending"),
    /** Card submissions on the sandbox page (its "retry" card succeeds on the second). */
    attempts: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("billing_checkout_workspace_idx").on(table.workspaceId, table.createdAt),
    uniqueIndex("billing_checkout_provider_checkout_unique").on(table.provider, table.providerCheckoutId),
  ],
);

/** A paid order (the billing history); a refund marks it `refunded`. */
export const billingOrder = pgTable(
  "billing_order",
  {
    id: id(),
    workspaceId: workspaceId(),
    provider: text({ enum: ["sandbox", "creem"] }).notNull(),
    providerOrderId: text().notNull(),
    plan: text({ enum: ["pro", "business"] }),
    interval: text({ enum: ["month", "year"] }),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    status: text({ enum: ["paid", "refunded"] }).notNull().default("paid"),
    refundedCents: integer().notNull().default(0),
    /** The subscription and billing period this payment covers (null for a one-off order). */
    providerSubscriptionId: text(),
    periodStart: timestamp({ withTimezone: true }),
    periodEnd: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("billing_order_provider_order_unique").on(table.provider, table.providerOrderId),
    // One payment per subscription period: the first period arrives both as checkout.completed's
    // order and as subscription.paid's transaction, and must be listed once.
    uniqueIndex("billing_order_subscription_period_unique").on(table.provider, table.providerSubscriptionId, table.periodStart),
    index("billing_order_workspace_idx").on(table.workspaceId, table.createdAt),
  ],
);

/**
 * Every payment webhook received, by provider and event id: inserted first, in the same
 * transaction as its effects, so a replayed event changes nothing. Unknown types are kept too.
 */
export const billingEvent = pgTable(
  "billing_event",
  {
    provider: text({ enum: ["sandbox", "creem"] }).notNull(),
    eventId: text().notNull(),
    eventType: text().notNull(),
    /** The workspace it changed; null when it named none we know (or the type is unknown). */
    workspaceId: text(),
    outcome: text({ enum: ["applied", "ignored"] }).notNull(),
    payload: jsonb().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.eventId] })],
);
