import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { auditLog } from "../schema/audit-log.ts";
import { organization } from "../schema/auth.ts";
import { billingCheckout, billingEvent, billingOrder } from "../schema/billing.ts";
import { subscription } from "../schema/subscription.ts";

type Provider = "sandbox" | "creem";
export type BillingCheckout = typeof billingCheckout.$inferSelect;
export type SubscriptionRow = typeof subscription.$inferSelect;
export type SubscriptionChange = Partial<Omit<typeof subscription.$inferInsert, "id" | "workspaceId" | "createdAt" | "updatedAt">>;

/** Records a checkout we are about to start; its id becomes the provider's `request_id`. */
export async function createBillingCheckout(db: Database, values: typeof billingCheckout.$inferInsert): Promise<BillingCheckout> {
  const [row] = await db.insert(billingCheckout).values(values).returning();
  if (!row) throw new Error("checkout insert returned no row");
  return row;
}

/** Stores the provider's checkout id once the provider has answered. */
export async function setBillingCheckoutProviderId(db: Database, params: { id: string; providerCheckoutId: string }) {
  await db.update(billingCheckout).set({ providerCheckoutId: params.providerCheckoutId }).where(eq(billingCheckout.id, params.id));
}

export async function getBillingCheckout(db: Database, params: { id: string }): Promise<BillingCheckout | undefined> {
  const [row] = await db.select().from(billingCheckout).where(eq(billingCheckout.id, params.id));
  return row;
}

export async function getBillingCheckoutByProviderId(db: Database, params: { provider: Provider; providerCheckoutId: string }): Promise<BillingCheckout | undefined> {
  const [row] = await db
    .select()
    .from(billingCheckout)
    .where(and(eq(billingCheckout.provider, params.provider), eq(billingCheckout.providerCheckoutId, params.providerCheckoutId)));
  return row;
}

/** Counts one card submission and sets the checkout's status; returns the attempt number. */
export async function recordBillingCheckoutAttempt(db: Database, params: { id: string; status: BillingCheckout["status"] }): Promise<number> {
  const [row] = await db
    .update(billingCheckout)
    .set({ status: params.status, attempts: sql`${billingCheckout.attempts} + 1` })
    .where(eq(billingCheckout.id, params.id))
    .returning({ attempts: billingCheckout.attempts });
  return row?.attempts ?? 0;
}

/**
 * Claims a webhook event: true the first time, false for a replay (the insert conflicts). Call
 * it first inside the transaction that applies the event.
 */
export async function claimBillingEvent(db: Database, values: typeof billingEvent.$inferInsert): Promise<boolean> {
  const rows = await db.insert(billingEvent).values(values).onConflictDoNothing().returning({ eventId: billingEvent.eventId });
  return rows.length === 1;
}

/** Sets how a claimed event ended (applied to a workspace, or ignored). */
export async function setBillingEventOutcome(db: Database, params: { provider: Provider; eventId: string; outcome: "applied" | "ignored"; workspaceId: string | null }) {
  await db
    .update(billingEvent)
    .set({ outcome: params.outcome, workspaceId: params.workspaceId })
    .where(and(eq(billingEvent.provider, params.provider), eq(billingEvent.eventId, params.eventId)));
}

/** The workspace's subscription row with the provider's ids (for billing, not for display). */
export async function getBillingSubscription(db: Database, params: { workspaceId: string }): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscription).where(eq(subscription.workspaceId, params.workspaceId));
  return row;
}

/** The workspace that holds a provider subscription. */
export async function findWorkspaceBySubscription(db: Database, params: { provider: Provider; providerSubscriptionId: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ workspaceId: subscription.workspaceId })
    .from(subscription)
    .where(and(eq(subscription.provider, params.provider), eq(subscription.providerSubscriptionId, params.providerSubscriptionId)));
  return row?.workspaceId;
}

/** Creates or changes a workspace's subscription row; returns it as it is afterwards. */
export async function upsertSubscription(db: Database, params: { workspaceId: string; change: SubscriptionChange }): Promise<SubscriptionRow> {
  const [row] = await db
    .insert(subscription)
    .values({ workspaceId: params.workspaceId, ...params.change })
    .onConflictDoUpdate({ target: subscription.workspaceId, set: { ...params.change, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error("subscription upsert returned no row");
  return row;
}

/** Records a paid order once (a replayed one keeps the first row). */
export async function recordBillingOrder(db: Database, values: typeof billingOrder.$inferInsert) {
  await db.insert(billingOrder).values(values).onConflictDoNothing();
}

/** Whether a subscription has an order already (its first payment, from checkout.completed or subscription.paid). */
export async function hasSubscriptionOrder(db: Database, params: { provider: Provider; providerSubscriptionId: string }): Promise<boolean> {
  const rows = await db
    .select({ id: billingOrder.id })
    .from(billingOrder)
    .where(and(eq(billingOrder.provider, params.provider), eq(billingOrder.providerSubscriptionId, params.providerSubscriptionId)))
    .limit(1);
  return rows.length === 1;
}

/**
 * Records one billing period's payment of a subscription, once: the first period's order may
 * already be there from checkout.completed without its period (then it gets the period), and a
 * second payment for the same period (another event id, or the same order) is dropped by the
 * unique indexes. Returns whether a row was added or completed.
 */
export async function recordSubscriptionPayment(
  db: Database,
  values: Omit<typeof billingOrder.$inferInsert, "providerSubscriptionId" | "periodStart"> & { providerSubscriptionId: string; periodStart: Date },
): Promise<boolean> {
  const completed = await db
    .update(billingOrder)
    .set({ periodStart: values.periodStart, periodEnd: values.periodEnd ?? null, updatedAt: new Date() })
    .where(and(eq(billingOrder.provider, values.provider), eq(billingOrder.providerSubscriptionId, values.providerSubscriptionId), isNull(billingOrder.periodStart)))
    .returning({ id: billingOrder.id });
  if (completed.length > 0) return true;
  const inserted = await db.insert(billingOrder).values(values).onConflictDoNothing().returning({ id: billingOrder.id });
  return inserted.length > 0;
}

/** Marks an order refunded (fully or in part). */
export async function refundBillingOrder(db: Database, params: { provider: Provider; providerOrderId: string; refundedCents: number }) {
  await db
    .update(billingOrder)
    .set({ status: "refunded", refundedCents: sql`${billingOrder.refundedCents} + ${params.refundedCents}` })
    .where(and(eq(billingOrder.provider, params.provider), eq(billingOrder.providerOrderId, params.providerOrderId)));
}

/** The workspace's billing history, newest first. */
export async function listBillingOrders(db: Database, params: { workspaceId: string; limit: number }) {
  return db
    .select({
      id: billingOrder.id,
      providerOrderId: billingOrder.providerOrderId,
      plan: billingOrder.plan,
      interval: billingOrder.interval,
      amountCents: billingOrder.amountCents,
      currency: billingOrder.currency,
      status: billingOrder.status,
      refundedCents: billingOrder.refundedCents,
      periodStart: billingOrder.periodStart,
      periodEnd: billingOrder.periodEnd,
      createdAt: billingOrder.createdAt,
    })
    .from(billingOrder)
    .where(eq(billingOrder.workspaceId, params.workspaceId))
    .orderBy(desc(billingOrder.createdAt))
    .limit(params.limit);
}

/** An audit row written by the system (a payment webhook), not by a signed-in user. */
export async function recordSystemAudit(db: Database, entry: { workspaceId: string; action: string; targetId?: string | null; metadata?: Record<string, unknown> }) {
  await db.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: null,
    action: entry.action,
    targetType: "subscription",
    targetId: entry.targetId ?? null,
    metadata: entry.metadata ?? null,
  });
}

/** Whether a workspace still exists (a webhook may name one deleted since its checkout). */
export async function workspaceExists(db: Database, params: { workspaceId: string }): Promise<boolean> {
  const rows = await db.select({ id: organization.id }).from(organization).where(eq(organization.id, params.workspaceId)).limit(1);
  return rows.length === 1;
}
