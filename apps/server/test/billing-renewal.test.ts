import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCards } from "../src/billing/sandbox/pages.ts";
import { sandboxSecrets } from "../src/billing/service.ts";
import { webhookSignature } from "../src/billing/signatures.ts";
import { startTestServer, testAppOptions, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let portalUrl: string;
// The test app runs the sandbox provider, whose webhook secret derives from the server's secret.
const secret = sandboxSecrets(testAppOptions({} as never).authSecret ?? "").webhookSecret;

/** The sandbox page of a URL the API handed out, on the test server's port. */
const onTestServer = (url: string) => `${server.baseUrl}${new URL(url).pathname}`;

const form = (fields: Record<string, string>) => ({
  method: "POST",
  redirect: "manual" as const,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

const orders = async () => (await owner.trpc.billing.overview.query()).orders;

/** Posts a webhook body signed like Creem signs it. */
const postWebhook = (body: string) =>
  fetch(`${server.baseUrl}/webhooks/creem`, { method: "POST", headers: { "content-type": "application/json", "creem-signature": webhookSignature(body, secret) }, body });

/** The last stored `subscription.paid` envelope of the workspace, as the sandbox sent it. */
async function lastPaidEvent(workspaceId: string) {
  const [row] = await queryRows<{ payload: { id: string; eventType: string; created_at: number; object: Record<string, unknown> } }>(
    server.database.db,
    sql`select payload from billing_event where workspace_id = ${workspaceId} and event_type = 'subscription.paid' order by received_at desc limit 1`,
  );
  if (!row) throw new Error("no subscription.paid stored");
  return row.payload;
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Renewal owner");
  const { checkoutUrl } = await owner.trpc.billing.checkout.mutate({ plan: "pro", interval: "month" });
  const paid = await fetch(onTestServer(checkoutUrl), form({ card: sandboxCards.success, expiry: "12/34", cvc: "123", name: "Ada Lovelace" }));
  expect(paid.status).toBe(303);
  // The webhooks travel on their own (no expect.poll outside a test).
  for (let tries = 0; (await owner.trpc.billing.overview.query()).plan.id !== "pro"; tries++) {
    if (tries > 100) throw new Error("the sandbox's webhooks never granted Pro");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  portalUrl = onTestServer((await owner.trpc.billing.portalUrl.mutate()).url);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("renewals in the billing history (sandbox provider, over HTTP)", () => {
  it("lists the first payment once, though it arrives as checkout.completed and as subscription.paid", async () => {
    await expect.poll(async () => (await orders()).length, { timeout: 5_000, interval: 50 }).toBe(1);
    // Both events were applied before the plan showed, yet one order covers the first period.
    const [first] = await orders();
    const subscription = (await owner.trpc.billing.overview.query()).subscription;
    expect(first).toMatchObject({ amountCents: 1900, currency: "USD", plan: "pro", interval: "month", status: "paid" });
    expect(first?.periodEnd).toEqual(subscription?.currentPeriodEnd);
    expect(first?.periodStart).not.toBeNull();
  });

  it("records a renewal (Creem's subscription.paid for the next period) as a second order; a replayed renewal changes nothing", async () => {
    const before = await owner.trpc.billing.overview.query();
    const firstEnd = before.subscription?.currentPeriodEnd;
    expect(typeof firstEnd).toBe("string"); // JSON over tRPC: ISO dates

    const renewed = await fetch(portalUrl, form({ action: "renew" }));
    expect(renewed.status).toBe(303);
    expect(renewed.headers.get("location")).toContain("done=subscription.paid");
    await expect.poll(async () => (await orders()).length, { timeout: 5_000, interval: 50 }).toBe(2);

    const history = await orders();
    const [renewal, first] = history;
    expect(renewal).toMatchObject({ amountCents: 1900, currency: "USD", plan: "pro", interval: "month", status: "paid" });
    expect(renewal?.periodStart).toEqual(firstEnd);
    expect(renewal?.providerOrderId).not.toBe(first?.providerOrderId);
    const after = await owner.trpc.billing.overview.query();
    expect(after.plan.id).toBe("pro");
    expect(after.subscription?.currentPeriodEnd).toEqual(renewal?.periodEnd);
    expect(Date.parse(String(after.subscription?.currentPeriodEnd))).toBeGreaterThan(Date.parse(String(firstEnd)));

    // Creem's retry of the same event: 200, marked duplicate, still two orders.
    const workspaceId = (await owner.trpc.workspace.get.query()).id;
    const event = await lastPaidEvent(workspaceId);
    expect(event.object).toMatchObject({ last_transaction_id: expect.stringMatching(/^tran_sbx_/), product: { price: 1900, currency: "USD" } });
    const replay = await postWebhook(JSON.stringify(event));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    // The same period's payment under another event id (a resend from Creem's dashboard): applied, no new order.
    const resent = await postWebhook(JSON.stringify({ ...event, id: `${event.id}_resent` }));
    expect(await resent.json()).toEqual({ received: true, duplicate: false });
    expect(await orders()).toEqual(history);
  });

  it("shows every renewal in the audit log with what was recorded", async () => {
    const workspaceId = (await owner.trpc.workspace.get.query()).id;
    const rows = await queryRows<{ payment: string | null }>(
      server.database.db,
      sql`select metadata->>'payment' as payment from audit_log where workspace_id = ${workspaceId} and action = 'billing.subscription.paid' order by created_at`,
    );
    // First period (already listed from checkout.completed, or recorded), the renewal, the resend.
    expect(rows.map((row) => row.payment).slice(-2)).toEqual(["recorded", "already recorded"]);
  });

  it("does not renew a subscription set to end, and refuses an unknown portal action", async () => {
    await owner.trpc.billing.cancel.mutate();
    await expect.poll(async () => (await owner.trpc.billing.overview.query()).subscription?.cancelAtPeriodEnd, { timeout: 5_000, interval: 50 }).toBe(true);
    const refused = await fetch(portalUrl, form({ action: "renew" }));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("not set to end renews");
    expect((await fetch(portalUrl, form({ action: "refund-everything" }))).status).toBe(400);
    expect(await orders()).toHaveLength(2);
  });
});
