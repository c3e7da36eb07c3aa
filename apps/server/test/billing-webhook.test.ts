import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxProductIds } from "../src/billing/products.ts";
import { createWebhookSender } from "../src/billing/sandbox/webhook-sender.ts";
import { sandboxSecrets } from "../src/billing/service.ts";
import { webhookSignature } from "../src/billing/signatures.ts";
import { startTestServer, testAppOptions, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let workspaceId: string;
// The test app runs the sandbox provider, whose webhook secret derives from the server's secret.
const secret = sandboxSecrets(testAppOptions({} as never).authSecret ?? "").webhookSecret;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Billing owner");
  workspaceId = (await owner.trpc.workspace.get.query()).id;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

let counter = 0;
function event(eventType: string, object: Record<string, unknown>, id = `evt_test_${++counter}`) {
  return JSON.stringify({ id, eventType, created_at: Date.now(), object });
}

function subscriptionObject(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "sub_test_1",
    object: "subscription",
    product: { id: sandboxProductIds.pro.month },
    customer: { id: "cust_test_1" },
    status,
    current_period_end_date: "2030-01-01T00:00:00.000Z",
    metadata: { workspaceId },
    ...extra,
  };
}

function post(body: string, signature: string | null = webhookSignature(body, secret)) {
  return fetch(`${server.baseUrl}/webhooks/creem`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "creem-signature": signature }) },
    body,
  });
}

async function auditActions() {
  const rows = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where workspace_id = ${workspaceId} and action like 'billing.%' order by created_at`);
  return rows.map((row) => row.action);
}

describe("POST /webhooks/creem", () => {
  it("applies a valid subscription.paid once: the plan, the subscription row and an audit row", async () => {
    const body = event("subscription.paid", subscriptionObject("active"), "evt_paid_1");
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    const current = await owner.trpc.subscription.current.query();
    expect(current.plan.id).toBe("pro");
    expect(current.subscription).toMatchObject({ plan: "pro", interval: "month", status: "active", cancelAtPeriodEnd: false });
    expect(await auditActions()).toEqual(["billing.subscription.paid"]);

    // The same id again (Creem's retry, or a replay): 200, and nothing changes.
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    const replayedOther = await post(event("subscription.expired", subscriptionObject("expired"), "evt_paid_1"));
    expect(await replayedOther.json()).toEqual({ received: true, duplicate: true });
    expect((await owner.trpc.subscription.current.query()).plan.id).toBe("pro");
    expect(await auditActions()).toEqual(["billing.subscription.paid"]);
  });

  it("refuses a tampered body, the wrong secret, a missing or malformed signature with 401, changing nothing", async () => {
    const body = event("subscription.expired", subscriptionObject("expired"));
    const signature = webhookSignature(body, secret);
    for (const response of [
      await post(body.replace("expired", "canceled"), signature),
      await post(body, webhookSignature(body, "not-the-secret")),
      await post(body, null),
      await post(body, "zz"),
    ]) {
      expect(response.status).toBe(401);
    }
    expect((await owner.trpc.subscription.current.query()).plan.id).toBe("pro");
    const [stored] = await queryRows<{ count: number }>(server.database.db, sql`select count(*)::int as count from billing_event`);
    expect(stored?.count).toBe(1);
  });

  it("answers 400 to a signed body that is not JSON or not an envelope", async () => {
    expect((await post("not json")).status).toBe(400);
    expect((await post(JSON.stringify({ type: "subscription.paid", data: {} }))).status).toBe(400);
  });

  it("stores an unknown event type and ignores it with 200", async () => {
    const response = await post(event("dispute.created", { id: "dis_1", metadata: { workspaceId } }, "evt_unknown_1"));
    expect(response.status).toBe(200);
    const rows = await queryRows<{ outcome: string; event_type: string }>(server.database.db, sql`select outcome, event_type from billing_event where event_id = 'evt_unknown_1'`);
    expect(rows).toEqual([{ outcome: "ignored", event_type: "dispute.created" }]);
    expect((await owner.trpc.subscription.current.query()).plan.id).toBe("pro");
  });

  it("keeps and ignores (200) an event naming no existing workspace, so Creem stops retrying", async () => {
    const response = await post(event("subscription.paid", subscriptionObject("active", { id: "sub_other", metadata: { workspaceId: crypto.randomUUID() } }), "evt_gone_1"));
    expect(response.status).toBe(200);
    const rows = await queryRows<{ outcome: string }>(server.database.db, sql`select outcome from billing_event where event_id = 'evt_gone_1'`);
    expect(rows).toEqual([{ outcome: "ignored" }]);
  });

  it("records the order of checkout.completed and marks it refunded on refund.created", async () => {
    const checkout = {
      id: "ch_test_1",
      object: "checkout",
      order: { id: "ord_test_1", amount: 1900, currency: "usd", status: "paid" },
      product: { id: sandboxProductIds.pro.month },
      customer: { id: "cust_test_1" },
      subscription: { id: "sub_test_1" },
      metadata: { workspaceId },
    };
    expect((await post(event("checkout.completed", checkout))).status).toBe(200);
    expect((await post(event("refund.created", { id: "ref_1", refund_amount: 1900, order: { id: "ord_test_1" }, subscription: "sub_test_1" }))).status).toBe(200);
    const { orders } = await owner.trpc.billing.overview.query();
    expect(orders).toMatchObject([{ providerOrderId: "ord_test_1", amountCents: 1900, currency: "USD", status: "refunded", refundedCents: 1900 }]);
  });

  it("follows the subscription through scheduled cancel, resume, past due, paid again and expiry", async () => {
    const state = async () => (await owner.trpc.subscription.current.query()).subscription;
    await post(event("subscription.scheduled_cancel", subscriptionObject("scheduled_cancel")));
    expect(await state()).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    await post(event("subscription.update", subscriptionObject("active")));
    expect(await state()).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    await post(event("subscription.past_due", subscriptionObject("past_due")));
    expect((await owner.trpc.subscription.current.query()).plan.id).toBe("free");
    await post(event("subscription.paid", subscriptionObject("active", { product: { id: sandboxProductIds.business.year } })));
    expect(await state()).toMatchObject({ plan: "business", interval: "year", status: "active" });
    await post(event("subscription.expired", subscriptionObject("expired")));
    expect((await owner.trpc.subscription.current.query()).plan.id).toBe("free");
    expect((await auditActions()).slice(-5)).toEqual([
      "billing.subscription.scheduled_cancel",
      "billing.subscription.update",
      "billing.subscription.past_due",
      "billing.subscription.paid",
      "billing.subscription.expired",
    ]);
  });
});

describe("renewals in Creem's shapes", () => {
  it("lists the first payment once whatever order its two events arrive in, then one order per renewal period", async () => {
    const payer = await server.signUp("Renewing owner");
    const payerWorkspace = (await payer.trpc.workspace.get.query()).id;
    const product = { id: sandboxProductIds.pro.year, object: "product", price: 19_000, currency: "EUR", billing_period: "every-year" };
    // Creem's subscription.paid: the expanded product, the period, `last_transaction_id` (no expanded transaction).
    const paid = (periodStart: string, periodEnd: string, transactionId: string) => ({
      id: "sub_renew_1",
      object: "subscription",
      product,
      customer: { id: "cust_renew_1" },
      status: "active",
      last_transaction_id: transactionId,
      current_period_start_date: periodStart,
      current_period_end_date: periodEnd,
      metadata: { workspaceId: payerWorkspace },
    });
    const orders = async () => (await payer.trpc.billing.overview.query()).orders;

    // subscription.paid first, then checkout.completed naming the subscription by id only.
    expect((await post(event("subscription.paid", paid("2030-01-01T00:00:00.000Z", "2031-01-01T00:00:00.000Z", "tran_1")))).status).toBe(200);
    const checkout = { id: "ch_renew_1", order: { id: "ord_renew_1", amount: 19_000, currency: "eur" }, product: product.id, subscription: "sub_renew_1", metadata: { workspaceId: payerWorkspace } };
    expect((await post(event("checkout.completed", checkout))).status).toBe(200);
    expect(await orders()).toMatchObject([{ providerOrderId: "tran_1", amountCents: 19_000, currency: "EUR", plan: "pro", interval: "year", periodStart: "2030-01-01T00:00:00.000Z", periodEnd: "2031-01-01T00:00:00.000Z" }]);

    const renewal = event("subscription.paid", paid("2031-01-01T00:00:00.000Z", "2032-01-01T00:00:00.000Z", "tran_2"));
    expect((await post(renewal)).status).toBe(200);
    expect(await post(renewal).then((response) => response.json())).toEqual({ received: true, duplicate: true });
    expect((await orders()).map((order) => [order.providerOrderId, order.periodStart])).toEqual([
      ["tran_2", "2031-01-01T00:00:00.000Z"],
      ["tran_1", "2030-01-01T00:00:00.000Z"],
    ]);
    expect((await payer.trpc.billing.overview.query()).subscription?.currentPeriodEnd).toBe("2032-01-01T00:00:00.000Z");
  });

  it("gives checkout.completed's order its period when subscription.paid follows (the usual order)", async () => {
    const payer = await server.signUp("Usual owner");
    const payerWorkspace = (await payer.trpc.workspace.get.query()).id;
    const checkout = { id: "ch_usual", order: { id: "ord_usual", amount: 1900, currency: "usd" }, product: sandboxProductIds.pro.month, subscription: "sub_usual", metadata: { workspaceId: payerWorkspace } };
    await post(event("checkout.completed", checkout));
    await post(
      event("subscription.paid", {
        ...subscriptionObject("active", { id: "sub_usual", metadata: { workspaceId: payerWorkspace } }),
        product: { id: sandboxProductIds.pro.month, price: 1900, currency: "USD" },
        current_period_start_date: "2030-02-01T00:00:00.000Z",
        current_period_end_date: "2030-03-01T00:00:00.000Z",
        last_transaction_id: "tran_usual",
      }),
    );
    expect((await payer.trpc.billing.overview.query()).orders).toMatchObject([{ providerOrderId: "ord_usual", periodStart: "2030-02-01T00:00:00.000Z", periodEnd: "2030-03-01T00:00:00.000Z" }]);
  });
});

describe("sandbox webhook delivery", () => {
  it("retries on the configured schedule until a 200, then stops", async () => {
    const statuses = [500, 503, 200];
    const received: Request[] = [];
    const sender = createWebhookSender({
      url: "http://sandbox.test/webhooks/creem",
      secret: "whsec_test",
      retryDelaysMs: [20, 20, 20, 20],
      deliver: async (request) => {
        received.push(request);
        return new Response(null, { status: statuses.shift() ?? 200 });
      },
    });
    expect(await sender.send("subscription.paid", { id: "sub_1" })).toBe(false);
    await expect.poll(() => sender.attempts.length, { timeout: 2_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sender.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    const bodies = await Promise.all(received.map((request) => request.clone().text()));
    expect(new Set(bodies).size).toBe(1); // the same event (same id) each time
    expect(received[0]?.headers.get("creem-signature")).toBe(webhookSignature(bodies[0] ?? "", "whsec_test"));
    expect(JSON.parse(bodies[0] ?? "{}")).toMatchObject({ eventType: "subscription.paid", object: { id: "sub_1" } });
  });

  it("gives up after Creem's four retries", async () => {
    const sender = createWebhookSender({ url: "http://sandbox.test/x", secret: "s", retryDelaysMs: [5, 5, 5, 5], deliver: async () => new Response(null, { status: 500 }) });
    await sender.send("subscription.paid", {});
    await expect.poll(() => sender.attempts.length, { timeout: 2_000 }).toBe(5);
  });
});
