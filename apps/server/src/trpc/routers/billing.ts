import { getBillingCheckout, getBillingSubscription, listBillingOrders } from "@nexis/db/queries/billing";
import { getWorkspaceUsage } from "@nexis/db/queries/usage";
import { schema } from "@nexis/db";
import { getPlan, limitKeys } from "@nexis/plans";
import { type TRPCRouterRecord, TRPCError } from "@trpc/server";
import { roleAllows } from "../../auth/permissions.ts";
import { choosePlanSchema, verifyReturnSchema } from "../../billing/schemas.ts";
import { billingServiceOf } from "../../billing/service.ts";
import { PaymentProviderError, PaymentsNotConfiguredError } from "../../billing/provider.ts";
import { verifyReturnQuery } from "../../billing/signatures.ts";
import { audited } from "../audit.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

/** Billing changes are the owner's (`billing: ["manage"]`); everyone else reads. */
const billingProcedure = workspaceProcedure.use(requirePermission({ billing: ["manage"] }));

/** This server takes no payments (production without Creem or the sandbox). */
const notConfigured = () => {
  const error = new PaymentsNotConfiguredError();
  return new TRPCError({ code: "PRECONDITION_FAILED", message: error.message, cause: error });
};

/** Turns a provider failure into a 502 whose message the portal can show (412 when the server takes no payments). */
async function atProvider<Result>(call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PaymentsNotConfiguredError) throw notConfigured();
    if (error instanceof PaymentProviderError) throw new TRPCError({ code: "BAD_GATEWAY", message: error.message, cause: error });
    throw error;
  }
}

/** The workspace's paid subscription at the provider, or PRECONDITION_FAILED. */
async function activeSubscription(ctx: { db: Parameters<typeof getBillingSubscription>[0]; workspaceId: string }, provider: string) {
  const row = await getBillingSubscription(ctx.db, { workspaceId: ctx.workspaceId });
  if (!row?.providerSubscriptionId || row.provider !== provider || row.plan === "free" || (row.status !== "active" && row.status !== "trialing")) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This workspace has no active paid subscription." });
  }
  return { ...row, providerSubscriptionId: row.providerSubscriptionId };
}

/**
 * Checkout, plan changes, cancellation and the billing history. None of these grant a plan: the
 * provider's webhooks do (`billing/apply-event.ts`).
 */
export const billingRouter = {
  /** Everything the portal's billing page shows: plan, subscription, usage, orders, who may change it. */
  overview: workspaceProcedure.query(async ({ ctx }) => {
    const service = billingServiceOf(ctx.auth);
    const params = { workspaceId: ctx.workspaceId };
    const [row, usage, orders] = await Promise.all([getBillingSubscription(ctx.db, params), getWorkspaceUsage(ctx.db, params), listBillingOrders(ctx.db, { ...params, limit: 50 })]);
    const entitled = row && (row.status === "active" || row.status === "trialing") ? row.plan : "free";
    const plan = getPlan(entitled);
    // Nothing is deleted when a plan lapses: what is over the limit stays, read-only until an upgrade.
    const overLimit = limitKeys.filter((key) => key !== "monthlyOutboundMessages" && plan.limits[key] !== null && usage[key] > (plan.limits[key] ?? 0));
    return {
      // Ids only, so the portal can tag its error reports with who and where.
      workspaceId: ctx.workspaceId,
      userId: ctx.session.user.id,
      provider: service.provider.kind,
      canManage: roleAllows(ctx.role, { billing: ["manage"] }),
      role: ctx.role,
      plan,
      subscription: row
        ? { plan: row.plan, interval: row.interval, status: row.status, currentPeriodEnd: row.currentPeriodEnd, cancelAtPeriodEnd: row.cancelAtPeriodEnd, hasCustomer: row.providerCustomerId !== null }
        : null,
      usage,
      overLimit,
      orders,
    };
  }),

  /** Starts a checkout for a paid plan; answers the provider's page to send the buyer to. */
  checkout: billingProcedure.input(choosePlanSchema).mutation(async ({ ctx, input }) => {
    const service = billingServiceOf(ctx.auth);
    // Before anything else: a server that takes no payments says so, whatever the workspace's state.
    const provider = service.provider.kind;
    if (provider === "none") throw notConfigured();
    const current = await getBillingSubscription(ctx.db, { workspaceId: ctx.workspaceId });
    if (current?.providerSubscriptionId && current.plan !== "free" && (current.status === "active" || current.status === "trialing")) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This workspace already has a subscription: change its plan instead." });
    }
    const productId = service.products[input.plan][input.interval];
    const requestId = crypto.randomUUID();
    const user = ctx.session.user;
    const started = await atProvider(() =>
      service.provider.createCheckout({ productId, requestId, successUrl: service.successUrl, customerEmail: user.email, metadata: { workspaceId: ctx.workspaceId, userId: user.id } }),
    );
    await audited(
      ctx,
      (tx) =>
        tx.insert(schema.billingCheckout).values({
          id: requestId,
          workspaceId: ctx.workspaceId,
          userId: user.id,
          customerEmail: user.email,
          plan: input.plan,
          interval: input.interval,
          provider,
          productId,
          providerCheckoutId: started.checkoutId,
          successUrl: service.successUrl,
        }),
      () => ({ action: "billing.checkout-start", targetType: "checkout", targetId: requestId, metadata: { plan: input.plan, interval: input.interval } }),
    );
    return { checkoutId: requestId, checkoutUrl: started.checkoutUrl };
  }),

  /** Upgrades or downgrades between paid plans (prorated by the provider). Back to Free is `cancel`. */
  changePlan: billingProcedure.input(choosePlanSchema).mutation(async ({ ctx, input }) => {
    const service = billingServiceOf(ctx.auth);
    const row = await activeSubscription(ctx, service.provider.kind);
    if (row.plan === input.plan && row.interval === input.interval) throw new TRPCError({ code: "BAD_REQUEST", message: "The workspace is on this plan already." });
    const productId = service.products[input.plan][input.interval];
    await atProvider(() => service.provider.upgradeSubscription(row.providerSubscriptionId, productId));
    await audited(ctx, async () => row.providerSubscriptionId, (id) => ({ action: "billing.plan-change-request", targetType: "subscription", targetId: id, metadata: { from: row.plan, to: input.plan, interval: input.interval } }));
    return { requested: true };
  }),

  /** Cancels at the end of the paid period; the plan stays until the provider's expiry webhook. */
  cancel: billingProcedure.mutation(async ({ ctx }) => {
    const service = billingServiceOf(ctx.auth);
    const row = await activeSubscription(ctx, service.provider.kind);
    if (row.cancelAtPeriodEnd) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The subscription is already set to end." });
    await atProvider(() => service.provider.cancelSubscription(row.providerSubscriptionId, "scheduled"));
    await audited(ctx, async () => row.providerSubscriptionId, (id) => ({ action: "billing.cancel-request", targetType: "subscription", targetId: id }));
    return { requested: true };
  }),

  /** Takes back a cancellation scheduled for the period's end. */
  resume: billingProcedure.mutation(async ({ ctx }) => {
    const service = billingServiceOf(ctx.auth);
    const row = await activeSubscription(ctx, service.provider.kind);
    if (!row.cancelAtPeriodEnd) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The subscription is not set to end." });
    await atProvider(() => service.provider.resumeSubscription(row.providerSubscriptionId));
    await audited(ctx, async () => row.providerSubscriptionId, (id) => ({ action: "billing.resume-request", targetType: "subscription", targetId: id }));
    return { requested: true };
  }),

  /** A link to the provider's customer portal (invoices, payment method). */
  portalUrl: billingProcedure.mutation(async ({ ctx }) => {
    const service = billingServiceOf(ctx.auth);
    const row = await getBillingSubscription(ctx.db, { workspaceId: ctx.workspaceId });
    if (!row?.providerCustomerId || row.provider !== service.provider.kind) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This workspace has no billing account yet." });
    }
    const customerId = row.providerCustomerId;
    return { url: await atProvider(() => service.provider.customerPortalUrl(customerId)) };
  }),

  /**
   * Checks the return URL's signature (Creem's formula, `billing/signatures.ts`) and says whether
   * the webhook has granted the plan yet. A display hint only: it grants nothing. A bad signature
   * is refused and logged.
   */
  verifyReturn: workspaceProcedure.input(verifyReturnSchema).query(async ({ ctx, input }) => {
    const service = billingServiceOf(ctx.auth);
    const params = verifyReturnQuery(input.query, service.returnSalt);
    if (!params) {
      ctx.logger.warn(`billing return refused: bad signature (workspace ${ctx.workspaceId}, user ${ctx.session.user.id})`);
      throw new TRPCError({ code: "BAD_REQUEST", message: "This return link is not signed by the payment provider." });
    }
    const checkout = params.request_id ? await getBillingCheckout(ctx.db, { id: params.request_id }) : undefined;
    if (!checkout || checkout.workspaceId !== ctx.workspaceId) throw new TRPCError({ code: "NOT_FOUND", message: "Checkout not found." });
    const row = await getBillingSubscription(ctx.db, { workspaceId: ctx.workspaceId });
    const confirmed = row?.providerSubscriptionId === params.subscription_id && row?.plan === checkout.plan && (row.status === "active" || row.status === "trialing");
    return { status: confirmed ? ("confirmed" as const) : ("pending" as const), plan: getPlan(checkout.plan), interval: checkout.interval };
  }),
} satisfies TRPCRouterRecord;
