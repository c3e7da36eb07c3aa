import { createTestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { AppRouter } from "../src/trpc/routers/_app.ts";
import { clientOrigin, startTestServer, testAppOptions, type TestServer } from "./support/server.ts";

let server: TestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  baseUrl = server.baseUrl;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("GET /health and /ready", () => {
  it("answers liveness with the version", async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("is ready when the database answers", async () => {
    const response = await fetch(`${baseUrl}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok" } });
  });

  it("answers 503 on /ready when the database is down", async () => {
    const doomed = await createTestDatabase(process.env.DATABASE_URL);
    const downApp = createApp(testAppOptions(doomed));
    await doomed.dispose();
    const response = await downApp.request("/ready");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", checks: { database: "down" } });
    // Liveness does not depend on the database.
    expect((await downApp.request("/health")).status).toBe(200);
  });
});

describe("tRPC: health", () => {
  it("reads the database clock through a real tRPC client over HTTP", async () => {
    const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/trpc` })] });
    const health = await trpc.health.query();
    expect(health.status).toBe("ok");
    expect(health.database).toBe(server.database.kind);
    expect(Math.abs(Date.parse(health.databaseTime) - Date.now())).toBeLessThan(60_000);
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("answers an unknown procedure with a tRPC 404, not a crash", async () => {
    const response = await fetch(`${baseUrl}/trpc/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { data: { code: "NOT_FOUND" } } });
  });
});

describe("HTTP hardening", () => {
  it("allows CORS only from the configured origins", async () => {
    const preflight = (origin: string) =>
      fetch(`${baseUrl}/trpc/health`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET" },
      });
    expect((await preflight(clientOrigin)).headers.get("access-control-allow-origin")).toBe(clientOrigin);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  // Before the test below: its refused body is left unread, and the server closes that connection.
  it("refuses a WhatsApp webhook over 2 MB with 413, whether its size is declared or streamed", async () => {
    const body = JSON.stringify({ id: "evt_big", event: "message", session: crypto.randomUUID(), payload: { body: "x".repeat(3 * 1024 * 1024) } });
    const headers = { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": "0".repeat(128) };
    const declared = await fetch(`${baseUrl}/webhooks/whatsapp`, { method: "POST", headers, body });
    expect(declared.status).toBe(413);
    const bytes = new TextEncoder().encode(body);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 256 * 1024) controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
        controller.close();
      },
    });
    const chunked = await fetch(`${baseUrl}/webhooks/whatsapp`, { method: "POST", headers, body: streamed, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ error: "Request body too large" });
  });

  it("refuses a body over 2 MB with 413 before any handler reads it", async () => {
    const response = await fetch(`${baseUrl}/trpc/tag.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(3 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("sends security headers and JSON 404s", async () => {
    const response = await fetch(`${baseUrl}/no-such-route`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(await response.json()).toEqual({ error: "Not found", path: "/no-such-route" });
  });
});
