import { randomBytes } from "node:crypto";
import type { Database } from "@nexis/db";
import { schema } from "@nexis/db";
import { planCurrency, plans } from "@nexis/plans";
import { and, eq } from "drizzle-orm";
import { planOfProduct, type ProductIds } from "../products.ts";
import { type PaymentProvider, PaymentProviderError } from "../provider.ts";
import type { WebhookSender } from "./webhook-sender.ts";

export interface SandboxProviderOptions {
  db: Database;
  /** Where browsers reach this server (the checkout and portal pages live here). */
  serverUrl: string;
  products: ProductIds;
  sender: WebhookSender;
}

/** A sandbox id in Creem's style (`ch_…`, `ord_…`, `cust_…`, `sub_…`). */
export const sandboxId = (prefix: string) => `${prefix}_sbx_${randomBytes(10).toString("hex")}`;

/** The end of a period that starts now. */
export function periodEnd(interval: "month" | "year", from = new Date()): Date {
  const end = new Date(from);
  if (interval === "year") end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

/** The start of the period that ends at `end`. */
export function periodStart(interval: "month" | "year", end: Date): Date {
  const start = new Date(end);
  if (interval === "year") start.setUTCFullYear(start.getUTCFullYear() - 1);
  else start.setUTCMonth(start.getUTCMonth() - 1);
  return start;
}

/** Creem's expanded product object for a sandbox product id (its price from the plan catalogue). */
export function sandboxProduct(productId: string, products: ProductIds) {
  const product = planOfProduct(products, productId);
  const plan = product ? plans[product.plan] : undefined;
  return {
    id: productId,
    object: "product",
    name: plan ? `NexisChat ${plan.name}` : productId,
    price: plan && product ? plan.priceCents[product.interval] : 0,
    currency: planCurrency,
    billing_type: "recurring",
    billing_period: product?.interval === "year" ? "every-year" : "every-month",
  };
}

/**
 * A `subscription.paid` object as Creem sends it: the subscription with the period's transaction
 * (`last_transaction_id`, and the expanded `last_transaction` with its amount and order).
 */
export function withTransaction<Subscription extends { product: { price: number; currency: string }; current_period_start_date: string; current_period_end_date: string }>(
  subscription: Subscription,
  ids: { transactionId?: string; orderId?: string } = {},
) {
  const transactionId = ids.transactionId ?? sandboxId("tran");
  const now = new Date().toISOString();
  return {
    ...subscription,
    last_transaction_id: transactionId,
    last_transaction_date: now,
    last_transaction: {
      id: transactionId,
      object: "transaction",
      amount: subscription.product.price,
      amount_paid: subscription.product.price,
      currency: subscription.product.currency,
      type: "invoice",
      status: "paid",
      order: ids.orderId ?? sandboxId("ord"),
      period_start: Date.parse(subscription.current_period_start_date),
      period_end: Date.parse(subscription.current_period_end_date),
      created_at: Date.parse(now),
      mode: "sandbox",
    },
  };
}

/**
 * The sandbox provider: checkouts open this server's `/sandbox/checkout/:id` page; subscription
 * changes are answered the way Creem answers them, by a signed webhook to `/webhooks/creem`.
 */
export function createSandboxProvider(
  options: SandboxProviderOptions,
): PaymentProvider & { expireSubscription(subscriptionId: string): Promise<void>; renewSubscription(subscriptionId: string): Promise<void> } {
  const { db, products, sender } = options;

  async function subscriptionRow(subscriptionId: string) {
    const [row] = await db
      .select()
      .from(schema.subscription)
      .where(and(eq(schema.subscription.provider, "sandbox"), eq(schema.subscription.providerSubscriptionId, subscriptionId)));
    if (!row) throw new PaymentProviderError("Subscription not found in the sandbox.", 404);
    return row;
  }

  /** Creem's subscription object for one of our sandbox subscriptions, with changes applied. */
  async function subscriptionObject(subscriptionId: string, changes: { status: string; productId?: string; period?: { start: Date; end: Date } }) {
    const row = await subscriptionRow(subscriptionId);
    const interval = row.interval ?? "month";
    const productId = changes.productId ?? (row.plan === "free" ? undefined : products[row.plan][interval]);
    if (!productId) throw new PaymentProviderError("The subscription has no paid product.", 400);
    const end = changes.period?.end ?? row.currentPeriodEnd ?? periodEnd(interval);
    const start = changes.period?.start ?? periodStart(interval, end);
    return {
      id: subscriptionId,
      object: "subscription",
      product: sandboxProduct(productId, products),
      customer: { id: row.providerCustomerId, object: "customer" },
      status: changes.status,
      current_period_start_date: start.toISOString(),
      current_period_end_date: end.toISOString(),
      canceled_at: changes.status === "canceled" || changes.status === "scheduled_cancel" ? new Date().toISOString() : null,
      metadata: { workspaceId: row.workspaceId },
      mode: "sandbox",
    };
  }

  async function emit(eventType: string, object: unknown) {
    await sender.send(eventType, object);
  }

  return {
    kind: "sandbox",
    async createCheckout() {
      const checkoutId = sandboxId("ch");
      return { checkoutId, checkoutUrl: `${options.serverUrl}/sandbox/checkout/${checkoutId}` };
    },
    async cancelSubscription(subscriptionId, mode) {
      if (mode === "immediate") await emit("subscription.canceled", await subscriptionObject(subscriptionId, { status: "canceled" }));
      else await emit("subscription.scheduled_cancel", await subscriptionObject(subscriptionId, { status: "scheduled_cancel" }));
    },
    async upgradeSubscription(subscriptionId, productId) {
      if (!planOfProduct(products, productId)) throw new PaymentProviderError("Unknown product.", 400);
      await emit("subscription.update", await subscriptionObject(subscriptionId, { status: "active", productId }));
    },
    async resumeSubscription(subscriptionId) {
      await emit("subscription.update", await subscriptionObject(subscriptionId, { status: "active" }));
    },
    async customerPortalUrl(customerId) {
      return `${options.serverUrl}/sandbox/portal/${encodeURIComponent(customerId)}`;
    },
    /**
     * What Creem sends when the next billing period is charged: `subscription.paid` with the new
     * period and its transaction (the sandbox's "renew now"). A subscription set to end is not renewed.
     */
    async renewSubscription(subscriptionId: string) {
      const row = await subscriptionRow(subscriptionId);
      if (row.status !== "active" || row.cancelAtPeriodEnd || row.plan === "free") {
        throw new PaymentProviderError("Only an active subscription that is not set to end renews.", 409);
      }
      const interval = row.interval ?? "month";
      const start = row.currentPeriodEnd ?? new Date();
      const object = await subscriptionObject(subscriptionId, { status: "active", period: { start, end: periodEnd(interval, start) } });
      await emit("subscription.paid", withTransaction(object));
    },
    /** What Creem sends when a canceled subscription's period ends (the sandbox's "end period now"). */
    async expireSubscription(subscriptionId) {
      await emit("subscription.expired", await subscriptionObject(subscriptionId, { status: "expired" }));
    },
  };
}

export type SandboxProvider = ReturnType<typeof createSandboxProvider>;
