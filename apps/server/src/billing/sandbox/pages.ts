import type { Database } from "@nexis/db";
import { getBillingCheckoutByProviderId, getBillingSubscription, recordBillingCheckoutAttempt } from "@nexis/db/queries/billing";
import { schema } from "@nexis/db";
import { planCurrency, plans } from "@nexis/plans";
import { and, eq, ne } from "drizzle-orm";
import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { returnSignature } from "../signatures.ts";
import { renderPage } from "./page-layout.ts";
import { sandboxProductIds } from "../products.ts";
import { PaymentProviderError } from "../provider.ts";
import { periodEnd, type SandboxProvider, sandboxId, sandboxProduct, withTransaction } from "./sandbox-provider.ts";
import type { WebhookSender } from "./webhook-sender.ts";

/** The sandbox's test cards (spaces allowed): one pays, one is declined, one fails once and asks for a retry. */
export const sandboxCards = { success: "4242424242424242", declined: "4000000000000002", retry: "4000000000000119" } as const;

export interface SandboxPagesOptions {
  db: Database;
  provider: SandboxProvider;
  sender: WebhookSender;
  /** The sandbox's stand-in for the Creem API key: the return URL's salt. */
  apiKey: string;
  /** Origins the checkout form may redirect to (the portal's return page). */
  formTargets: string[];
}

/** The sandbox portal's buttons: charge the next period, or end the current one. */
const portalActionSchema = z.enum(["renew", "expire"]);

const cardFormSchema = z.object({
  name: z.string().trim().min(1, "Enter the name on the card").max(100),
  card: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{16}$/, "Enter a 16-digit card number")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "Enter the expiry as MM/YY"),
  cvc: z.string().trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code"),
});

/**
 * The sandbox's hosted pages, served by the API server: `/sandbox/checkout/:id` (a card form that
 * answers like Creem's checkout: a signed redirect to the return URL and signed webhooks) and
 * `/sandbox/portal/:customerId` (cancel, resume, end the period now).
 */
export function sandboxPages(options: SandboxPagesOptions) {
  const { db } = options;
  const app = new Hono();

  app.get("/checkout/:id", async (c) => {
    const checkout = await getBillingCheckoutByProviderId(db, { provider: "sandbox", providerCheckoutId: c.req.param("id") });
    if (!checkout) return renderPage(c, { title: "Checkout not found", status: 404, body: html`<h1>Checkout not found</h1><p class="muted">Start again from the pricing page.</p>` });
    return renderPage(c, { title: "Checkout", body: checkoutForm(checkout, {}), formTargets: options.formTargets });
  });

  app.post("/checkout/:id", async (c) => {
    const checkout = await getBillingCheckoutByProviderId(db, { provider: "sandbox", providerCheckoutId: c.req.param("id") });
    if (!checkout) return renderPage(c, { title: "Checkout not found", status: 404, body: html`<h1>Checkout not found</h1>` });
    if (checkout.status === "completed") {
      return renderPage(c, { title: "Already paid", status: 409, body: html`<h1>Already paid</h1><p class="muted">This checkout was paid already.</p>` });
    }
    const form = cardFormSchema.safeParse(await c.req.parseBody());
    if (!form.success) {
      const message = form.error.issues.map((issue) => issue.message).join(". ");
      return renderPage(c, { title: "Checkout", status: 400, body: checkoutForm(checkout, { error: message }), formTargets: options.formTargets });
    }
    const { card } = form.data;
    if (card === sandboxCards.declined) {
      await recordBillingCheckoutAttempt(db, { id: checkout.id, status: "declined" });
      return renderPage(c, {
        title: "Card declined",
        status: 402,
        body: checkoutForm(checkout, { error: "Your card was declined. No payment was taken and your plan has not changed; try another card." }),
        formTargets: options.formTargets,
      });
    }
    // Only a failed retry-card attempt leaves the checkout `pending` with attempts behind it.
    const retried = checkout.status === "pending" && checkout.attempts > 0;
    if (card === sandboxCards.retry && !retried) {
      await recordBillingCheckoutAttempt(db, { id: checkout.id, status: "pending" });
      return renderPage(c, {
        title: "Try again",
        status: 402,
        body: checkoutForm(checkout, { warning: "The payment could not be processed. Nothing was charged; please submit again." }),
        formTargets: options.formTargets,
      });
    } else if (card !== sandboxCards.success && card !== sandboxCards.retry) {
      return renderPage(c, { title: "Checkout", status: 400, body: checkoutForm(checkout, { error: "Use one of the sandbox test cards listed below." }), formTargets: options.formTargets });
    }

    // Paid: claim the checkout once, even if the form is submitted twice at the same moment.
    const claimed = await db
      .update(schema.billingCheckout)
      .set({ status: "completed", attempts: checkout.attempts + 1 })
      .where(and(eq(schema.billingCheckout.id, checkout.id), ne(schema.billingCheckout.status, "completed")))
      .returning({ id: schema.billingCheckout.id });
    if (claimed.length === 0) return renderPage(c, { title: "Already paid", status: 409, body: html`<h1>Already paid</h1>` });

    const existing = await getBillingSubscription(db, { workspaceId: checkout.workspaceId });
    const customerId = existing?.provider === "sandbox" && existing.providerCustomerId ? existing.providerCustomerId : sandboxId("cust");
    const orderId = sandboxId("ord");
    const subscriptionId = sandboxId("sub");
    const start = new Date();
    const end = periodEnd(checkout.interval, start);
    const metadata = { workspaceId: checkout.workspaceId, userId: checkout.userId };
    const customer = { id: customerId, object: "customer", email: checkout.customerEmail };
    const product = sandboxProduct(checkout.productId, sandboxProductIds);
    const subscription = {
      id: subscriptionId,
      object: "subscription",
      product,
      customer,
      status: "active",
      current_period_start_date: start.toISOString(),
      current_period_end_date: end.toISOString(),
      canceled_at: null,
      metadata,
      mode: "sandbox",
    };
    const events: [string, unknown][] = [
      [
        "checkout.completed",
        {
          id: checkout.providerCheckoutId,
          object: "checkout",
          request_id: checkout.id,
          order: { id: orderId, object: "order", customer: customerId, product: checkout.productId, amount: product.price, currency: product.currency, status: "paid", type: "recurring" },
          product,
          customer,
          subscription: { ...subscription, status: "active" },
          status: "completed",
          metadata,
          mode: "sandbox",
        },
      ],
      ["subscription.active", subscription],
      // The first period's payment: the same order as the checkout's, so the history lists it once.
      ["subscription.paid", withTransaction(subscription, { orderId })],
    ];
    // Like Creem, the webhooks travel on their own; the return page waits for them.
    void (async () => {
      for (const [type, object] of events) await options.sender.send(type, object);
    })();

    const params: [string, string][] = [
      ["checkout_id", checkout.providerCheckoutId ?? ""],
      ["order_id", orderId],
      ["customer_id", customerId],
      ["subscription_id", subscriptionId],
      ["product_id", checkout.productId],
      ["request_id", checkout.id],
    ];
    const url = new URL(checkout.successUrl);
    for (const [key, value] of params) url.searchParams.append(key, value);
    url.searchParams.append("signature", returnSignature(params, options.apiKey));
    return c.redirect(url.toString(), 303);
  });

  app.get("/portal/:customerId", async (c) => {
    const row = await subscriptionOfCustomer(db, c.req.param("customerId"));
    if (!row) return renderPage(c, { title: "Customer not found", status: 404, body: html`<h1>Customer not found</h1>` });
    const notice = c.req.query("done");
    return renderPage(c, {
      title: "Customer portal",
      body: html`<h1>Sandbox customer portal</h1>
        <p class="muted">Customer <code>${row.providerCustomerId}</code> · subscription <code>${row.providerSubscriptionId ?? "none"}</code></p>
        ${notice ? html`<div class="alert warn" role="status">Sent: ${notice}</div>` : ""}
        <table>
          <tr><td>Plan</td><td>${plans[row.plan].name} (${row.interval ?? "–"})</td></tr>
          <tr><td>Status</td><td>${row.status}${row.cancelAtPeriodEnd ? " · cancels at period end" : ""}</td></tr>
          <tr><td>Period ends</td><td>${row.currentPeriodEnd?.toISOString() ?? "–"}</td></tr>
        </table>
        ${row.providerSubscriptionId && row.status === "active" && !row.cancelAtPeriodEnd
          ? html`<form method="post"><input type="hidden" name="action" value="renew"><button type="submit">Renew now (charges the next period, sends subscription.paid)</button></form>`
          : ""}
        ${row.providerSubscriptionId
          ? html`<form method="post"><input type="hidden" name="action" value="expire"><button class="secondary" type="submit">End the period now (sends subscription.expired)</button></form>`
          : ""}`,
    });
  });

  app.post("/portal/:customerId", async (c) => {
    const customerId = c.req.param("customerId");
    const row = await subscriptionOfCustomer(db, customerId);
    if (!row?.providerSubscriptionId) return renderPage(c, { title: "Not found", status: 404, body: html`<h1>Subscription not found</h1>` });
    const action = portalActionSchema.safeParse((await c.req.parseBody()).action);
    if (!action.success) return renderPage(c, { title: "Unknown action", status: 400, body: html`<h1>Unknown action</h1><p class="muted">Use one of the buttons on the portal page.</p>` });
    if (action.data === "renew") {
      try {
        await options.provider.renewSubscription(row.providerSubscriptionId);
      } catch (error) {
        if (!(error instanceof PaymentProviderError)) throw error;
        return renderPage(c, { title: "Not renewed", status: 409, body: html`<h1>Not renewed</h1><div class="alert error" role="alert">${error.message}</div>` });
      }
      return c.redirect(`./${encodeURIComponent(customerId)}?done=subscription.paid`, 303);
    }
    await options.provider.expireSubscription(row.providerSubscriptionId);
    return c.redirect(`./${encodeURIComponent(customerId)}?done=subscription.expired`, 303);
  });

  return app;
}

const formatPrice = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: planCurrency }).format(cents / 100);

async function subscriptionOfCustomer(db: Database, customerId: string) {
  const [row] = await db
    .select()
    .from(schema.subscription)
    .where(and(eq(schema.subscription.provider, "sandbox"), eq(schema.subscription.providerCustomerId, customerId)));
  return row;
}

function checkoutForm(checkout: { plan: "pro" | "business"; interval: "month" | "year"; customerEmail: string }, notice: { error?: string; warning?: string }) {
  const plan = plans[checkout.plan];
  return html`<h1>NexisChat ${plan.name}</h1>
    <p class="muted">Billed ${checkout.interval === "year" ? "yearly" : "monthly"} to ${checkout.customerEmail}</p>
    <div class="price">${formatPrice(plan.priceCents[checkout.interval])}<span class="muted"> / ${checkout.interval}</span></div>
    ${notice.error ? html`<div class="alert error" role="alert">${notice.error}</div>` : ""}
    ${notice.warning ? html`<div class="alert warn" role="alert">${notice.warning}</div>` : ""}
    <form method="post" autocomplete="off">
      <label for="card">Card number</label>
      <input id="card" name="card" inputmode="numeric" placeholder="4242 4242 4242 4242" required>
      <div class="row">
        <div><label for="expiry">Expiry</label><input id="expiry" name="expiry" placeholder="MM/YY" required></div>
        <div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" placeholder="123" required></div>
      </div>
      <label for="name">Name on card</label>
      <input id="name" name="name" placeholder="Ada Lovelace" required>
      <button type="submit">Pay ${formatPrice(plan.priceCents[checkout.interval])}</button>
    </form>
    <table class="cards" aria-label="Test cards">
      <thead><tr><th scope="col">Test card</th><th scope="col">Result</th></tr></thead>
      <tbody>
        <tr><td><code>4242 4242 4242 4242</code></td><td>Pays</td></tr>
        <tr><td><code>4000 0000 0000 0002</code></td><td>Declined</td></tr>
        <tr><td><code>4000 0000 0000 0119</code></td><td>Fails once, then pays on retry</td></tr>
      </tbody>
    </table>
    <p class="muted">Any future expiry, any CVC.</p>`;
}
