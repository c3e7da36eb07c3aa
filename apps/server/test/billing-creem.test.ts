import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { createCreemProvider, creemBaseUrl } from "../src/billing/creem.ts";
import { PaymentProviderError } from "../src/billing/provider.ts";
import { returnSignature, webhookSignature } from "../src/billing/signatures.ts";
import type { AppRouter } from "../src/trpc/routers/_app.ts";
import { clientOrigin, testAppOptions, testPassword, trpcError } from "./support/server.ts";

interface Recorded {
  method: string;
  path: string;
  apiKey: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A local stand-in for Creem's API: records each request and answers in Creem's shapes. */
let stub: Server;
let stubUrl: string;
const recorded: Recorded[] = [];
let failNext: number | null = null;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as unknown) : undefined;
}

beforeAll(async () => {
  stub = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = request.url ?? "";
      recorded.push({ method: request.method ?? "", path, apiKey: request.headers["x-api-key"] as string | undefined, contentType: request.headers["content-type"], body });
      response.setHeader("content-type", "application/json");
      if (failNext !== null) {
        response.statusCode = failNext;
        failNext = null;
        response.end(JSON.stringify({ message: ["product_id must be a string"], error: "Bad Request" }));
        return;
      }
      if (path === "/v1/checkouts") {
        const request_id = (body as { request_id?: string }).request_id;
        response.end(JSON.stringify({ id: "ch_stub_1", object: "checkout", mode: "test", status: "pending", request_id, product: "prod_pro_m", checkout_url: "https://checkout.creem.io/ch_stub_1" }));
      } else if (path === "/v1/customers/billing") {
        response.end(JSON.stringify({ customer_portal_link: "https://creem.io/my-orders/login/stub" }));
      } else if (/^\/v1\/subscriptions\/[^/]+\/(cancel|upgrade|resume)$/.test(path)) {
        response.end(JSON.stringify({ id: path.split("/")[3], object: "subscription", status: path.endsWith("cancel") ? "scheduled_cancel" : "active", product: "prod_pro_m" }));
      } else {
        response.statusCode = 404;
        response.end(JSON.stringify({ message: "not found" }));
      }
    })();
  });
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => stub?.close(resolve));
});

describe("Creem provider (against a local stub of Creem's API)", () => {
  const apiKey = "creem_test_1234567890";

  it("picks the API host from the key", () => {
    expect(creemBaseUrl("creem_test_abc")).toBe("https://test-api.creem.io");
    expect(creemBaseUrl("creem_abc")).toBe("https://api.creem.io");
  });

  it("sends the documented paths, the x-api-key header and bodies", async () => {
    const creem = createCreemProvider({ apiKey, baseUrl: stubUrl });
    recorded.length = 0;
    const checkout = await creem.createCheckout({
      productId: "prod_pro_m",
      requestId: "5b0c1f2e-0000-4000-8000-000000000001",
      successUrl: "http://localhost:3001/billing/return",
      customerEmail: "ada@example.com",
      metadata: { workspaceId: "ws_1", userId: "user_1" },
    });
    expect(checkout).toEqual({ checkoutId: "ch_stub_1", checkoutUrl: "https://checkout.creem.io/ch_stub_1" });
    await creem.cancelSubscription("sub_1", "scheduled");
    await creem.upgradeSubscription("sub_1", "prod_biz_m");
    await creem.resumeSubscription("sub_1");
    expect(await creem.customerPortalUrl("cust_1")).toBe("https://creem.io/my-orders/login/stub");

    expect(recorded.map(({ method, path }) => `${method} ${path}`)).toEqual([
      "POST /v1/checkouts",
      "POST /v1/subscriptions/sub_1/cancel",
      "POST /v1/subscriptions/sub_1/upgrade",
      "POST /v1/subscriptions/sub_1/resume",
      "POST /v1/customers/billing",
    ]);
    for (const request of recorded) {
      expect(request.apiKey).toBe(apiKey);
      expect(request.contentType).toBe("application/json");
    }
    expect(recorded.map((request) => request.body)).toEqual([
      {
        product_id: "prod_pro_m",
        request_id: "5b0c1f2e-0000-4000-8000-000000000001",
        success_url: "http://localhost:3001/billing/return",
        metadata: { workspaceId: "ws_1", userId: "user_1" },
        customer: { email: "ada@example.com" },
      },
      { mode: "scheduled" },
      { product_id: "prod_biz_m", update_behavior: "proration-charge-immediately" },
      {},
      { customer_id: "cust_1" },
    ]);
  });

  it("turns an error answer or an unreachable API into a PaymentProviderError", async () => {
    failNext = 400;
    await expect(createCreemProvider({ apiKey, baseUrl: stubUrl }).createCheckout({ productId: "", requestId: "r", successUrl: "http://x", customerEmail: "a@b.c", metadata: { workspaceId: "w", userId: "u" } })).rejects.toBeInstanceOf(
      PaymentProviderError,
    );
    await expect(createCreemProvider({ apiKey, baseUrl: "http://127.0.0.1:9" }).resumeSubscription("sub_1")).rejects.toThrow(/could not be reached/);
  });
});

describe("the API with Creem configured", () => {
  const apiKey = "creem_test_app_key";
  const webhookSecret = "whsec_app_secret";
  const products = { pro: { month: "prod_pro_m", year: "prod_pro_y" }, business: { month: "prod_biz_m", year: "prod_biz_y" } };
  let database: TestDatabase;
  let server: ServerType;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase(process.env.DATABASE_URL);
    const app = createApp({ ...testAppOptions(database), billing: { creemApiKey: apiKey, creemWebhookSecret: webhookSecret, creemProducts: products, creemApiUrl: stubUrl } });
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.dispose();
  });

  it("checkout → Creem's checkout_url; signed return verified with the API key as salt; webhook grants Pro; portal link from Creem", async () => {
    const email = `creem-${Date.now()}@example.com`;
    const signUp = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: clientOrigin },
      body: JSON.stringify({ name: "Creem owner", email, password: testPassword }),
    });
    const token = signUp.headers.get("set-auth-token") ?? "";
    const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
    const workspaceId = (await trpc.workspace.get.query()).id;

    recorded.length = 0;
    const { checkoutId, checkoutUrl } = await trpc.billing.checkout.mutate({ plan: "pro", interval: "year" });
    expect(checkoutUrl).toBe("https://checkout.creem.io/ch_stub_1");
    expect(recorded[0]?.body).toMatchObject({ product_id: "prod_pro_y", request_id: checkoutId, customer: { email }, metadata: { workspaceId } });

    const params: [string, string][] = [
      ["checkout_id", "ch_stub_1"],
      ["order_id", "ord_1"],
      ["customer_id", "cust_1"],
      ["subscription_id", "sub_1"],
      ["product_id", "prod_pro_y"],
      ["request_id", checkoutId],
    ];
    const query = `?${new URLSearchParams([...params, ["signature", returnSignature(params, apiKey)]]).toString()}`;
    expect(await trpc.billing.verifyReturn.query({ query })).toMatchObject({ status: "pending", plan: { id: "pro" } });
    const wrongSalt = `?${new URLSearchParams([...params, ["signature", returnSignature(params, "sandbox_key")]]).toString()}`;
    expect((await trpcError(trpc.billing.verifyReturn.query({ query: wrongSalt }))).data?.code).toBe("BAD_REQUEST");
    // The redirect alone granted nothing.
    expect((await trpc.billing.overview.query()).plan.id).toBe("free");

    for (const [eventType, object] of [
      ["checkout.completed", { id: "ch_stub_1", request_id: checkoutId, order: { id: "ord_1", amount: 19_000, currency: "USD" }, product: "prod_pro_y", customer: "cust_1", subscription: "sub_1", metadata: { workspaceId } }],
      ["subscription.paid", { id: "sub_1", product: "prod_pro_y", customer: "cust_1", status: "active", current_period_end_date: "2031-01-01T00:00:00.000Z", metadata: { workspaceId } }],
    ] as const) {
      const body = JSON.stringify({ id: `evt_${eventType}`, eventType, created_at: Date.now(), object });
      const response = await fetch(`${baseUrl}/webhooks/creem`, { method: "POST", headers: { "creem-signature": webhookSignature(body, webhookSecret) }, body });
      expect(response.status).toBe(200);
    }
    expect(await trpc.billing.verifyReturn.query({ query })).toMatchObject({ status: "confirmed" });
    const overview = await trpc.billing.overview.query();
    expect(overview).toMatchObject({ provider: "creem", plan: { id: "pro" }, subscription: { interval: "year", status: "active" } });
    expect(overview.orders).toMatchObject([{ amountCents: 19_000, providerOrderId: "ord_1" }]);

    recorded.length = 0;
    expect(await trpc.billing.portalUrl.mutate()).toEqual({ url: "https://creem.io/my-orders/login/stub" });
    await trpc.billing.cancel.mutate();
    await trpc.billing.changePlan.mutate({ plan: "business", interval: "year" });
    expect(recorded.map((request) => [request.path, request.body])).toEqual([
      ["/v1/customers/billing", { customer_id: "cust_1" }],
      ["/v1/subscriptions/sub_1/cancel", { mode: "scheduled" }],
      ["/v1/subscriptions/sub_1/upgrade", { product_id: "prod_biz_y", update_behavior: "proration-charge-immediately" }],
    ]);
    // Still Pro: plan changes wait for Creem's webhook.
    expect((await trpc.billing.overview.query()).plan.id).toBe("pro");

    const notScheduled = await trpcError(trpc.billing.resume.mutate());
    expect(notScheduled.data?.code).toBe("PRECONDITION_FAILED"); // nothing scheduled yet (no webhook): refused before calling Creem
    failNext = 500;
    const upstream = await trpcError(trpc.billing.changePlan.mutate({ plan: "business", interval: "month" }));
    expect(upstream.data?.code).toBe("BAD_GATEWAY");
    expect(upstream.message).toContain("Creem answered 500");
  });
});
