import { schema } from "@nexis/db";
import { createLogger } from "@nexis/observability";
import { initSentry } from "@nexis/observability/sentry";
import { startEnvelopeReceiver } from "@nexis/observability/testing";
import type { WahaApiClient } from "@nexis/waha-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { linkNumber } from "./support/sandbox-number.ts";
import { startTestServer, testAppOptions, testPassword, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let user: TestUser;
let workspaceId: string;
let accountId: string;
const receiver = await startEnvelopeReceiver();

beforeAll(async () => {
  server = await startTestServer();
  user = await server.signUp("Observed agent");
  workspaceId = (await user.trpc.workspace.create.mutate({ name: "Observed" })).id;
  const [account] = await server.database.db.insert(schema.whatsappAccount).values({ workspaceId, name: "Waiting number", status: "SCAN_QR_CODE" }).returning();
  accountId = account?.id ?? "";
}, 60_000);

afterAll(async () => {
  await server?.close();
  await receiver.close();
});

describe("errors in a tRPC procedure", () => {
  it("reach Sentry with the user and workspace ids and the procedure, and the log with the request id, with no secret in either", async () => {
    const lines: string[] = [];
    const logger = createLogger({ service: "server", level: "debug", pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const errorReporter = initSentry({ dsn: receiver.dsn, service: "server", environment: "test" });
    // The WhatsApp link fails in a way nobody planned for (not a WAHA error): a real 500.
    const exploding = { getQRValue: () => Promise.reject(new Error("QR engine exploded")) } as unknown as WahaApiClient;
    const app = createApp({ ...testAppOptions(server.database, { whatsapp: { client: exploding, webhookUrl: "" } }), logger, errorReporter });

    const response = await app.request(`/trpc/account.qr?input=${encodeURIComponent(JSON.stringify({ id: accountId }))}`, {
      headers: { authorization: `Bearer ${user.token}`, "x-request-id": "trace-500" },
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("QR engine exploded");
    await errorReporter.flush(5_000);

    expect(receiver.events).toHaveLength(1);
    const event = receiver.events[0] as { user?: unknown; tags?: Record<string, string>; exception?: { values?: { value?: string }[] } };
    expect(event.exception?.values?.[0]?.value).toBe("QR engine exploded");
    expect(event.user).toEqual({ id: user.userId });
    expect(event.tags).toMatchObject({ service: "server", workspace_id: workspaceId, request_id: "trace-500", where: "trpc account.qr" });

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, msg: "tRPC account.qr failed", requestId: "trace-500" }));
    const everything = lines.join("\n") + receiver.raw.join("\n");
    for (const secret of [user.token, testPassword, "test-secret-that-is-long-enough"]) expect(everything).not.toContain(secret);
  });
});

describe("the server's own log lines", () => {
  it("go through the app's logger with the request id, e.g. a refused payment webhook", async () => {
    const lines: string[] = [];
    const logger = createLogger({ service: "server", level: "debug", pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const app = createApp({ ...testAppOptions(server.database), logger });

    const response = await app.request("/webhooks/creem", { method: "POST", body: "{}", headers: { "creem-signature": "forged", "x-request-id": "trace-webhook" } });
    expect(response.status).toBe(401);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: 40, msg: "billing webhook refused: bad or missing creem-signature", requestId: "trace-webhook" }));
  });
});

describe("GET /metrics", () => {
  it("serves Prometheus text to this machine: numbers by status, outbox, webhook and HTTP latency series", async () => {
    await user.trpc.chat.list.query({});
    // An unsigned webhook is refused, and counted as such.
    await fetch(`${server.baseUrl}/webhooks/whatsapp`, { method: "POST", headers: { "x-webhook-timestamp": String(Date.now()) }, body: "{}" });
    const response = await fetch(`${server.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/nexis_whatsapp_accounts\{status="SCAN_QR_CODE"\} [1-9]/);
    expect(text).toContain('nexis_outbox_jobs{status="pending"}');
    expect(text).toContain("nexis_send_latency_seconds");
    expect(text).toMatch(/nexis_whatsapp_webhooks_total\{outcome="(refused|invalid)"\} [1-9]/);
    expect(text).toMatch(/nexis_http_request_duration_seconds_count\{method="GET",route="\/trpc\/chat\.list",status="200"\} [1-9]/);
  });

  it("times a send from the agent's click to WhatsApp accepting it", async () => {
    const sender = await server.signUp("Measured sender");
    await sender.trpc.workspace.create.mutate({ name: "Measured" });
    const id = await linkNumber(server, sender, "Measured number");
    await server.whatsapp.request("POST", `/api/sandbox/${id}/inbound`, { from: "+5511955554444", text: "Hello?" });
    let chatId = "";
    for (let tries = 0; tries < 100 && !chatId; tries++) {
      chatId = (await sender.trpc.chat.list.query({ accountId: id })).items[0]?.id ?? "";
      if (!chatId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await sender.trpc.message.send.mutate({ chatId, text: "Hi! How can we help?" });
    let text = "";
    for (let tries = 0; tries < 100 && !/nexis_send_latency_seconds_count\{outcome="sent"\} [1-9]/.test(text); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    }
    expect(text).toMatch(/nexis_send_latency_seconds_count\{outcome="sent"\} 1/);
    expect(text).toMatch(/nexis_whatsapp_webhooks_total\{outcome="accepted"\} [1-9]/);
  });

  it("needs the metrics token when one is set, and hides itself otherwise", async () => {
    const app = createApp({ ...testAppOptions(server.database), metricsToken: "scrape-token-0123456789" });
    expect((await app.request("/metrics")).status).toBe(404);
    expect((await app.request("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(404);
    expect((await app.request("/metrics", { headers: { authorization: "Bearer scrape-token-0123456789" } })).status).toBe(200);
  });
});
