import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCards } from "../src/billing/sandbox/pages.ts";
import { startTestServer, subscriptionOrigin, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The sandbox page of a checkout URL, on the test server's port. */
const onTestServer = (url: string) => `${server.baseUrl}${new URL(url).pathname}`;

function submitCard(checkoutUrl: string, card: string) {
  return fetch(onTestServer(checkoutUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ card, expiry: "12/34", cvc: "123", name: "Ada Lovelace" }),
  });
}

async function waitForPlan(user: TestUser, plan: string) {
  await expect.poll(async () => (await user.trpc.billing.overview.query()).plan.id, { timeout: 5_000, interval: 50 }).toBe(plan);
}

describe("upgrade on the sandbox provider, over HTTP", () => {
  let owner: TestUser;

  beforeAll(async () => {
    owner = await server.signUp("Flow owner");
    await owner.trpc.account.addAccount.mutate({ name: "First" });
  });

  it("Free hits the account limit → checkout → declined card stays Free → retry card pays → signed return → webhook → Pro → limit lifted", async () => {
    const limit = await trpcError(owner.trpc.account.addAccount.mutate({ name: "Second" }));
    expect((limit.data as { cause?: { code?: string } }).cause?.code).toBe("PLAN_LIMIT");

    const { checkoutUrl } = await owner.trpc.billing.checkout.mutate({ plan: "pro", interval: "month" });
    expect(checkoutUrl).toMatch(/\/sandbox\/checkout\/ch_sbx_[0-9a-f]+$/);

    const page = await fetch(onTestServer(checkoutUrl));
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'nonce-/);
    expect(csp).toContain(`form-action 'self' ${subscriptionOrigin}`);
    const html = await page.text();
    expect(html).toContain("Card number");
    expect(html).toContain("$19.00");

    const declined = await submitCard(checkoutUrl, sandboxCards.declined);
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined");
    const afterDecline = await owner.trpc.billing.overview.query();
    expect(afterDecline.plan.id).toBe("free");
    expect(afterDecline.orders).toEqual([]);

    const invalid = await submitCard(checkoutUrl, "1234");
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("16-digit card number");

    const retry = await submitCard(checkoutUrl, sandboxCards.retry);
    expect(retry.status).toBe(402);
    expect(await retry.text()).toContain("please submit again");

    const paid = await submitCard(checkoutUrl, "4000 0000 0000 0119");
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${subscriptionOrigin}/billing/return`);
    expect([...location.searchParams.keys()]).toEqual(["checkout_id", "order_id", "customer_id", "subscription_id", "product_id", "request_id", "signature"]);

    // The return page's check: signed by the provider; "confirmed" once the webhook has granted the plan.
    await expect
      .poll(async () => (await owner.trpc.billing.verifyReturn.query({ query: location.search })).status, { timeout: 5_000, interval: 50 })
      .toBe("confirmed");
    const overview = await owner.trpc.billing.overview.query();
    expect(overview.plan.id).toBe("pro");
    expect(overview.subscription).toMatchObject({ plan: "pro", interval: "month", status: "active", cancelAtPeriodEnd: false });
    expect(overview.orders).toMatchObject([{ amountCents: 1900, currency: "USD", plan: "pro", status: "paid" }]);

    expect((await owner.trpc.account.addAccount.mutate({ name: "Second" })).name).toBe("Second");

    // The checkout page cannot be paid twice.
    expect((await submitCard(checkoutUrl, sandboxCards.success)).status).toBe(409);
  });

  it("refuses and logs a tampered return URL", async () => {
    // Already subscribed: a second checkout is refused (plan changes go through changePlan).
    expect((await trpcError(owner.trpc.billing.checkout.mutate({ plan: "business", interval: "year" }))).data?.code).toBe("PRECONDITION_FAILED");
    const forged = "?checkout_id=ch_x&order_id=ord_x&customer_id=cust_x&subscription_id=sub_x&product_id=prod_sandbox_business_year&request_id=00000000-0000-4000-8000-000000000000&signature=abc";
    const error = await trpcError(owner.trpc.billing.verifyReturn.query({ query: forged }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("not signed");
  });

  it("upgrades to Business, cancels (still Business until the period ends), resumes, cancels again, expires → Free, data kept read-only", async () => {
    await owner.trpc.billing.changePlan.mutate({ plan: "business", interval: "month" });
    await waitForPlan(owner, "business");

    await owner.trpc.billing.cancel.mutate();
    await expect.poll(async () => (await owner.trpc.billing.overview.query()).subscription?.cancelAtPeriodEnd, { timeout: 5_000, interval: 50 }).toBe(true);
    expect((await owner.trpc.billing.overview.query()).plan.id).toBe("business");
    expect((await trpcError(owner.trpc.billing.cancel.mutate())).data?.code).toBe("PRECONDITION_FAILED");

    await owner.trpc.billing.resume.mutate();
    await expect.poll(async () => (await owner.trpc.billing.overview.query()).subscription?.cancelAtPeriodEnd, { timeout: 5_000, interval: 50 }).toBe(false);
    await owner.trpc.billing.cancel.mutate();
    await expect.poll(async () => (await owner.trpc.billing.overview.query()).subscription?.cancelAtPeriodEnd, { timeout: 5_000, interval: 50 }).toBe(true);

    // The period ends: the sandbox portal's button sends Creem's subscription.expired.
    const { url } = await owner.trpc.billing.portalUrl.mutate();
    expect(url).toMatch(/\/sandbox\/portal\/cust_sbx_/);
    const portal = await fetch(onTestServer(url));
    expect(await portal.text()).toContain("Sandbox customer portal");
    const ended = await fetch(onTestServer(url), { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "action=expire" });
    expect(ended.status).toBe(303);
    await waitForPlan(owner, "free");

    const overview = await owner.trpc.billing.overview.query();
    expect(overview.subscription?.status).toBe("expired");
    expect(overview.usage.accounts).toBe(2); // nothing deleted
    expect(overview.overLimit).toEqual(["accounts"]);
    expect((await trpcError(owner.trpc.account.addAccount.mutate({ name: "Third" }))).data?.code).toBe("FORBIDDEN");

    const workspaceId = (await owner.trpc.workspace.get.query()).id;
    const actions = await queryRows<{ action: string; actor_user_id: string | null }>(
      server.database.db,
      sql`select action, actor_user_id from audit_log where workspace_id = ${workspaceId} and action like 'billing.%' order by created_at`,
    );
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(["billing.checkout-start", "billing.checkout.completed", "billing.subscription.paid", "billing.plan-change-request", "billing.cancel-request", "billing.subscription.scheduled_cancel", "billing.resume-request", "billing.subscription.expired"]),
    );
  });

  it("keeps billing owner-only: an agent reads the overview but cannot check out", async () => {
    const agent = await server.signUp("Flow agent");
    const workspaceId = (await owner.trpc.workspace.get.query()).id;
    await queryRows(server.database.db, sql`insert into member (id, organization_id, user_id, role, created_at) values (${crypto.randomUUID()}, ${workspaceId}, ${agent.userId}, 'agent', now())`);
    await agent.trpc.workspace.setActive.mutate({ workspaceId });
    const overview = await agent.trpc.billing.overview.query();
    expect(overview.canManage).toBe(false);
    const refused = await trpcError(agent.trpc.billing.checkout.mutate({ plan: "pro", interval: "month" }));
    expect(refused.data?.code).toBe("FORBIDDEN");
  });
});
