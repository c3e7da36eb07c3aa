import type { Database } from "@nexis/db";
import {
  claimBillingEvent,
  findWorkspaceBySubscription,
  getBillingCheckout,
  hasSubscriptionOrder,
  recordBillingOrder,
  recordSubscriptionPayment,
  recordSystemAudit,
  refundBillingOrder,
  setBillingEventOutcome,
  type SubscriptionChange,
  upsertSubscription,
  workspaceExists,
} from "@nexis/db/queries/billing";
import { billingCheckout } from "@nexis/db/schema";
import { eq } from "drizzle-orm";
import {
  checkoutObjectSchema,
  type CreemSubscription,
  type HandledEventType,
  isHandledEventType,
  paymentOfSubscriptionSchema,
  refundObjectSchema,
  subscriptionObjectSchema,
  subscriptionPeriodSchema,
  type WebhookEnvelope,
} from "./events.ts";
import { planOfProduct, type ProductIds } from "./products.ts";

export interface ApplyEventOptions {
  provider: "sandbox" | "creem";
  products: ProductIds;
}

export type EventResult = { duplicate: true } | { duplicate: false; outcome: "applied" | "ignored"; workspaceId: string | null; reason?: string };

/**
 * Applies one verified webhook event in a single transaction: the event is claimed first (a
 * replayed id changes nothing), then the subscription row, the order and an audit row are written
 * together. Unknown types and events naming no workspace we know are stored as `ignored`.
 */
export async function applyWebhookEvent(db: Database, envelope: WebhookEnvelope, options: ApplyEventOptions): Promise<EventResult> {
  return db.transaction(async (tx) => {
    const claimed = await claimBillingEvent(tx, {
      provider: options.provider,
      eventId: envelope.id,
      eventType: envelope.eventType,
      outcome: "ignored",
      payload: envelope,
    });
    if (!claimed) return { duplicate: true };
    const result = isHandledEventType(envelope.eventType)
      ? await applyHandled(tx, envelope.eventType, envelope, options)
      : { outcome: "ignored" as const, workspaceId: null, reason: "unknown event type" };
    if (result.outcome === "applied") {
      await setBillingEventOutcome(tx, { provider: options.provider, eventId: envelope.id, outcome: "applied", workspaceId: result.workspaceId });
    }
    return { duplicate: false, ...result };
  });
}

// No workspace named, or one deleted since its checkout: the event is kept and answered 200 (so Creem stops retrying).
const gone = "no existing workspace for this event";

type Applied = { outcome: "applied" | "ignored"; workspaceId: string | null; reason?: string };
const ignored = (reason: string): Applied => ({ outcome: "ignored", workspaceId: null, reason });

async function applyHandled(tx: Database, type: HandledEventType, envelope: WebhookEnvelope, options: ApplyEventOptions): Promise<Applied> {
  const known = async (workspaceId: string | undefined) => (workspaceId && (await workspaceExists(tx, { workspaceId })) ? workspaceId : undefined);
  const audit = (workspaceId: string, targetId: string, metadata: Record<string, unknown>) =>
    recordSystemAudit(tx, { workspaceId, action: `billing.${type}`, targetId, metadata: { eventId: envelope.id, ...metadata } });

  if (type === "checkout.completed") {
    const parsed = checkoutObjectSchema.safeParse(envelope.object);
    if (!parsed.success) return ignored("malformed checkout object");
    const checkout = parsed.data;
    const pending = checkout.request_id ? await getBillingCheckout(tx, { id: checkout.request_id }) : undefined;
    const workspaceId = await known(pending?.workspaceId ?? metadataWorkspace(checkout.metadata));
    if (!workspaceId) return ignored(gone);
    if (pending) await tx.update(billingCheckout).set({ status: "completed", providerCheckoutId: checkout.id }).where(eq(billingCheckout.id, pending.id));
    const product = planOfProduct(options.products, checkout.product ?? pending?.productId ?? "");
    const period = subscriptionPeriodSchema.safeParse((envelope.object as { subscription?: unknown }).subscription);
    const periodStart = period.success ? optionalDate(period.data.current_period_start_date) : null;
    // The first period's payment may have been recorded from subscription.paid already (webhooks arrive in any order).
    const alreadyPaid = checkout.subscription ? await hasSubscriptionOrder(tx, { provider: options.provider, providerSubscriptionId: checkout.subscription }) : false;
    if (checkout.order && !alreadyPaid) {
      await recordBillingOrder(tx, {
        workspaceId,
        provider: options.provider,
        providerOrderId: checkout.order.id,
        plan: product?.plan ?? null,
        interval: product?.interval ?? null,
        amountCents: checkout.order.amount,
        currency: checkout.order.currency.toUpperCase(),
        providerSubscriptionId: checkout.subscription ?? null,
        periodStart,
        periodEnd: period.success ? optionalDate(period.data.current_period_end_date) : null,
      });
    }
    // Ties the provider's ids to the workspace; the plan itself waits for `subscription.paid`.
    const change: SubscriptionChange = { provider: options.provider };
    if (checkout.customer) change.providerCustomerId = checkout.customer;
    if (checkout.subscription) change.providerSubscriptionId = checkout.subscription;
    await upsertSubscription(tx, { workspaceId, change });
    await audit(workspaceId, checkout.id, { orderId: checkout.order?.id, amount: checkout.order?.amount });
    return { outcome: "applied", workspaceId };
  }

  if (type === "refund.created") {
    const parsed = refundObjectSchema.safeParse(envelope.object);
    if (!parsed.success) return ignored("malformed refund object");
    const refund = parsed.data;
    const workspaceId = await known(
      metadataWorkspace(refund.metadata) ??
        (refund.subscription ? await findWorkspaceBySubscription(tx, { provider: options.provider, providerSubscriptionId: refund.subscription }) : undefined),
    );
    if (!workspaceId) return ignored(gone);
    if (refund.order) await refundBillingOrder(tx, { provider: options.provider, providerOrderId: refund.order, refundedCents: refund.refund_amount });
    await audit(workspaceId, refund.id, { orderId: refund.order, amount: refund.refund_amount });
    return { outcome: "applied", workspaceId };
  }

  const parsed = subscriptionObjectSchema.safeParse(envelope.object);
  if (!parsed.success) return ignored("malformed subscription object");
  const sub = parsed.data;
  const workspaceId = await known(
    metadataWorkspace(sub.metadata) ?? (await findWorkspaceBySubscription(tx, { provider: options.provider, providerSubscriptionId: sub.id })),
  );
  if (!workspaceId) return ignored(gone);
  const change = subscriptionChange(type, sub, options);
  if (!change) return ignored(`product ${sub.product} is not one of our plans`);
  const row = await upsertSubscription(tx, { workspaceId, change });
  const payment = type === "subscription.paid" ? await recordPayment(tx, workspaceId, envelope.object, options) : undefined;
  await audit(workspaceId, sub.id, { plan: row.plan, status: row.status, cancelAtPeriodEnd: row.cancelAtPeriodEnd, creemStatus: sub.status, ...(payment ? { payment } : {}) });
  return { outcome: "applied", workspaceId };
}

/**
 * The order row of a `subscription.paid`: one per billing period, so the billing history lists
 * the first payment and every renewal. The amount is the transaction's when Creem expands it,
 * otherwise the expanded product's price; with neither (or no period) nothing is recorded
 * rather than an invented amount.
 */
async function recordPayment(tx: Database, workspaceId: string, object: unknown, options: ApplyEventOptions): Promise<string> {
  const parsed = paymentOfSubscriptionSchema.safeParse(object);
  if (!parsed.success) return "no payment details";
  const paid = parsed.data;
  const periodStart = optionalDate(paid.current_period_start_date);
  if (!periodStart) return "no billing period";
  const transaction = paid.last_transaction;
  const price = typeof paid.product === "string" ? undefined : paid.product;
  const amountCents = transaction?.amount_paid ?? transaction?.amount ?? price?.price;
  const currency = transaction?.currency ?? price?.currency;
  if (amountCents === undefined || amountCents === null || !currency) return "no amount";
  const product = planOfProduct(options.products, typeof paid.product === "string" ? paid.product : paid.product.id);
  const recorded = await recordSubscriptionPayment(tx, {
    workspaceId,
    provider: options.provider,
    // The order when Creem names one, else the transaction, else the period itself.
    providerOrderId: transaction?.order ?? transaction?.id ?? paid.last_transaction_id ?? `${paid.id}@${periodStart.toISOString()}`,
    plan: product?.plan ?? null,
    interval: product?.interval ?? null,
    amountCents,
    currency: currency.toUpperCase(),
    providerSubscriptionId: paid.id,
    periodStart,
    periodEnd: optionalDate(paid.current_period_end_date),
  });
  return recorded ? "recorded" : "already recorded";
}

/** A date from an ISO string Creem sent; null when absent or unreadable. */
function optionalDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** How a subscription event changes our row; undefined when it names a product we do not sell. */
function subscriptionChange(type: HandledEventType, sub: CreemSubscription, options: ApplyEventOptions): SubscriptionChange | undefined {
  const base: SubscriptionChange = { provider: options.provider, providerSubscriptionId: sub.id };
  if (sub.customer) base.providerCustomerId = sub.customer;
  if (sub.current_period_end_date) base.currentPeriodEnd = new Date(sub.current_period_end_date);
  const product = planOfProduct(options.products, sub.product);
  const planned = () => (product ? { plan: product.plan, interval: product.interval } : undefined);
  switch (type) {
    // Creem: grant access on `paid`; `active` only says the subscription exists.
    case "subscription.active":
      return base;
    case "subscription.paid":
      return product && { ...base, ...planned(), status: "active", cancelAtPeriodEnd: false };
    case "subscription.trialing":
      return product && { ...base, ...planned(), status: "trialing", cancelAtPeriodEnd: false };
    case "subscription.update":
      // An upgrade or downgrade: the new product applies if the subscription is still in good standing.
      // A resume comes back as an update with status `active`: the scheduled cancellation is off.
      return product && { ...base, ...(sub.status === "active" || sub.status === "trialing" ? { ...planned(), cancelAtPeriodEnd: false } : {}) };
    case "subscription.scheduled_cancel":
      return { ...base, cancelAtPeriodEnd: true };
    // Payment trouble or a pause: no access until `paid` again (the row and its data stay).
    case "subscription.past_due":
    case "subscription.unpaid":
    case "subscription.paused":
      return { ...base, status: "past_due" };
    case "subscription.canceled":
      return { ...base, status: "canceled", cancelAtPeriodEnd: false };
    case "subscription.expired":
      return { ...base, status: "expired", cancelAtPeriodEnd: false };
    default:
      return undefined;
  }
}

function metadataWorkspace(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const value = metadata?.workspaceId;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
