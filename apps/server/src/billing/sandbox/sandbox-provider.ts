import { randomBytes } from "node:crypto";
import type { Database } from "@nexis/db";
import { schema } from "@nexis/db";
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

/**
 * The sandbox provider: checkouts open this server's `/sandbox/checkout/:id` page; subscription
 * changes are answered the way Creem answers them, by a signed webhook to `/webhooks/creem`.
 */
export function createSandboxProvider(options: SandboxProviderOptions): PaymentProvider & { expireSubscription(subscriptionId: string): Promise<void> } {
  const { db, products, sender } = options;

  /** Creem's subscription object for one of our sandbox subscriptions, with changes applied. */
  async function subscriptionObject(subscriptionId: string, changes: { status: string; productId?: string }) {
    const [row] = await db
      .select()
      .from(schema.subscription)
      .where(and(eq(schema.subscription.provider, "sandbox"), eq(schema.subscription.providerSubscriptionId, subscriptionId)));
    if (!row) throw new PaymentProviderError("Subscription not found in the sandbox.", 404);
    const interval = row.interval ?? "month";
    const productId = changes.productId ?? (row.plan === "free" ? undefined : products[row.plan][interval]);
    if (!productId) throw new PaymentProviderError("The subscription has no paid product.", 400);
    const end = row.currentPeriodEnd ?? periodEnd(interval);
    return {
      id: subscriptionId,
      object: "subscription",
      product: { id: productId, object: "product" },
      customer: { id: row.providerCustomerId, object: "customer" },
      status: changes.status,
      current_period_start_date: new Date(end.getTime() - (periodEnd(interval, end).getTime() - end.getTime())).toISOString(),
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
    /** What Creem sends when a canceled subscription's period ends (the sandbox's "end period now"). */
    async expireSubscription(subscriptionId) {
      await emit("subscription.expired", await subscriptionObject(subscriptionId, { status: "expired" }));
    },
  };
}

export type SandboxProvider = ReturnType<typeof createSandboxProvider>;
