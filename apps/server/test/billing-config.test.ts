import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { loadServerEnv } from "../src/env.ts";
import type { AppRouter } from "../src/trpc/routers/_app.ts";
import { clientOrigin, testAppOptions, testPassword, trpcError } from "./support/server.ts";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nexis-billing-env-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("BILLING_SANDBOX: the sandbox provider's production switch", () => {
  it("keeps the sandbox on in development (npm start) and off in production unless BILLING_SANDBOX=true", () => {
    expect(loadServerEnv({ DATA_DIR: dataDir() }).billing.sandbox).toBe(true);
    expect(loadServerEnv({ DATA_DIR: dataDir(), NODE_ENV: "development" }).billing.sandbox).toBe(true);
    expect(loadServerEnv({ DATA_DIR: dataDir(), NODE_ENV: "production" }).billing.sandbox).toBe(false);
    expect(loadServerEnv({ DATA_DIR: dataDir(), NODE_ENV: "production", BILLING_SANDBOX: "" }).billing.sandbox).toBe(false);
    expect(loadServerEnv({ DATA_DIR: dataDir(), NODE_ENV: "production", BILLING_SANDBOX: "true" }).billing.sandbox).toBe(true);
    expect(loadServerEnv({ DATA_DIR: dataDir(), NODE_ENV: "development", BILLING_SANDBOX: "false" }).billing.sandbox).toBe(false);
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), BILLING_SANDBOX: "yes" })).toThrow(/BILLING_SANDBOX/);
  });
});

describe("the API as production configures it", () => {
  let database: TestDatabase | undefined;
  let server: ServerType | undefined;

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await database?.dispose();
    server = undefined;
    database = undefined;
  });

  /** The app with the billing options `loadServerEnv` makes of `env`, listening on a free port; a signed-up owner's client. */
  async function start(env: Record<string, string>) {
    database = await createTestDatabase(process.env.DATABASE_URL);
    const { billing } = loadServerEnv({ DATA_DIR: dataDir(), ...env });
    const app = createApp({ ...testAppOptions(database), billing });
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server?.once("listening", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const signUp = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: clientOrigin },
      body: JSON.stringify({ name: "Prod owner", email: `prod-${Date.now()}@example.com`, password: testPassword }),
    });
    const token = signUp.headers.get("set-auth-token") ?? "";
    const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
    return { baseUrl, trpc };
  }

  it("without CREEM_API_KEY or BILLING_SANDBOX: checkout says payments are not configured, the sandbox pages and webhooks are 404", async () => {
    const { baseUrl, trpc } = await start({ NODE_ENV: "production" });
    const error = await trpcError(trpc.billing.checkout.mutate({ plan: "pro", interval: "month" }));
    expect(error.data?.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/^Payments are not configured on this server/);
    expect(error.message).toContain("BILLING_SANDBOX=true");
    expect((await trpcError(trpc.billing.portalUrl.mutate())).data?.code).toBe("PRECONDITION_FAILED");
    const overview = await trpc.billing.overview.query();
    expect(overview).toMatchObject({ provider: "none", plan: { id: "free" }, orders: [] });

    expect((await fetch(`${baseUrl}/sandbox/checkout/ch_sbx_0123456789abcdef0123`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/sandbox/portal/cust_sbx_0123456789abcdef0123`)).status).toBe(404);
    // Nothing can be paid, so no event is taken, signed or not.
    const webhook = await fetch(`${baseUrl}/webhooks/creem`, { method: "POST", headers: { "creem-signature": "00" }, body: "{}" });
    expect(webhook.status).toBe(404);
  });

  it("with BILLING_SANDBOX=true in production: the sandbox checkout works", async () => {
    const { baseUrl, trpc } = await start({ NODE_ENV: "production", BILLING_SANDBOX: "true" });
    const { checkoutUrl } = await trpc.billing.checkout.mutate({ plan: "pro", interval: "month" });
    const page = await fetch(`${baseUrl}${new URL(checkoutUrl).pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Card number");
    expect((await trpc.billing.overview.query()).provider).toBe("sandbox");
  });
});
