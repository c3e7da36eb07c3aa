import { describe, expect, test } from "bun:test";
import { api, createTestApp, startWebhookReceiver, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;

async function workingSession(name = "demo") {
  const app = createTestApp();
  await api(app, "POST", "/api/sessions", { name });
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === "SCAN_QR_CODE");
  return app;
}

describe("POST /api/sandbox/{session}/scan", () => {
  test("links with the current QR value, refuses a stale one", async () => {
    const app = await workingSession();
    expect((await api(app, "POST", "/api/sandbox/demo/scan", { value: "2@stale" })).status).toBe(422);
    const { value } = (await (await api(app, "GET", "/api/demo/auth/qr?format=raw")).json()) as { value: string };
    const response = await api(app, "POST", "/api/sandbox/demo/scan", { value });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: "demo", status: "WORKING", me: { pushName: "Sandbox demo" } });
    // Already linked: nothing left to scan.
    expect((await api(app, "POST", "/api/sandbox/demo/scan")).status).toBe(422);
  });

  test("answers 404 for an unknown session", async () => {
    expect((await api(createTestApp(), "POST", "/api/sandbox/ghost/scan")).status).toBe(404);
  });
});

describe("POST /api/sendText and /api/sendSeen on the sandbox", () => {
  test("return WAHA's message shape once WORKING, 422 before", async () => {
    const app = await workingSession();
    const early = await api(app, "POST", "/api/sendText", { session: "demo", chatId: "5511999999999@c.us", text: "hi" });
    expect(early.status).toBe(422);
    await api(app, "POST", "/api/sandbox/demo/scan");
    const response = await api(app, "POST", "/api/sendText", { session: "demo", chatId: "5511999999999@c.us", text: "hi" });
    expect(response.status).toBe(201);
    const message = (await response.json()) as Json;
    const id = message.id as string;
    expect(message).toMatchObject({
      id: expect.stringMatching(/^true_5511999999999@c\.us_3EB0[0-9A-F]{18}$/),
      from: expect.stringMatching(/@c\.us$/),
      to: "5511999999999@c.us",
      fromMe: true,
      source: "api",
      body: "hi",
      hasMedia: false,
      ack: 0,
      ackName: "PENDING",
    });
    const seen = await api(app, "POST", "/api/sendSeen", { session: "demo", chatId: "5511999999999@c.us", messageIds: [id] });
    expect(await seen.json()).toEqual({});
    expect(seen.status).toBe(201);
  });

  test("validate the body: 400 with a message", async () => {
    const app = await workingSession();
    const response = await api(app, "POST", "/api/sendText", { session: "demo", chatId: "not-a-chat", text: "" });
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message).toContain("chatId");
    expect(message).toContain("text");
    expect((await api(app, "POST", "/api/sendText", { session: "ghost", chatId: "5511999999999@c.us", text: "x" })).status).toBe(404);
  });
});

describe("POST /api/sandbox/{session}/inbound", () => {
  test("delivers a message from a simulated contact", async () => {
    const app = await workingSession();
    await api(app, "POST", "/api/sandbox/demo/scan");
    const response = await api(app, "POST", "/api/sandbox/demo/inbound", { from: "+5511988887777", text: "hello" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id: expect.stringMatching(/^false_5511988887777@c\.us_/),
      from: "5511988887777@c.us",
      fromMe: false,
      source: "app",
      body: "hello",
    });
    expect((await api(app, "POST", "/api/sandbox/demo/inbound", { from: "nobody", text: "x" })).status).toBe(400);
  });
});

describe("sandbox failure modes", () => {
  test("a logout from the phone fails the session and unlinks it; start shows a new QR", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "lp", config: { webhooks: [{ url: receiver.url, events: ["session.status"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/lp")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/lp/scan");
    const response = await api(app, "POST", "/api/sandbox/lp/logout");
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "FAILED" });
    expect((await api(app, "GET", "/api/sessions/lp/me")).status).toBe(404);
    await waitFor(() => receiver.events("session.status").some((hook) => hook.body.payload.status === "FAILED"), 2_000, "FAILED event");
    await api(app, "POST", "/api/sessions/lp/start");
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/lp")).json()) as Json).status === "SCAN_QR_CODE", 2_000, "new QR");
  });

  test("a crash fails the session but keeps the link: start brings it back WORKING", async () => {
    const app = await workingSession("crashy");
    await api(app, "POST", "/api/sandbox/crashy/scan");
    expect(await (await api(app, "POST", "/api/sandbox/crashy/crash")).json()).toMatchObject({ status: "FAILED" });
    await api(app, "POST", "/api/sessions/crashy/start");
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/crashy")).json()) as Json).status === "WORKING", 2_000, "WORKING");
  });

  test("with the phone offline, sent messages stay PENDING until it is back", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "off", config: { webhooks: [{ url: receiver.url, events: ["message.ack"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/off")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/off/scan");
    expect(await (await api(app, "POST", "/api/sandbox/off/phone", { online: false })).json()).toEqual({ online: false });
    const sent = await api(app, "POST", "/api/sendText", { session: "off", chatId: "5511999999999@c.us", text: "later" });
    expect(await sent.json()).toMatchObject({ ack: 0, ackName: "PENDING" });
    await Bun.sleep(60);
    expect(receiver.events("message.ack")).toHaveLength(0);
    await api(app, "POST", "/api/sandbox/off/phone", { online: true });
    await waitFor(() => receiver.events("message.ack").length === 3, 2_000, "acks after the phone is back");
    expect(receiver.events("message.ack").map((hook) => hook.body.payload.ackName)).toEqual(["SERVER", "DEVICE", "READ"]);
  });

  test("a send rate limit answers 429 with Retry-After", async () => {
    const app = await workingSession("limited");
    await api(app, "POST", "/api/sandbox/limited/scan");
    expect(await (await api(app, "POST", "/api/sandbox/limited/rate-limit", { perMinute: 2 })).json()).toEqual({ perMinute: 2 });
    const send = () => api(app, "POST", "/api/sendText", { session: "limited", chatId: "5511999999999@c.us", text: "x" });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(await limited.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
    await api(app, "POST", "/api/sandbox/limited/rate-limit", { perMinute: null });
    expect((await send()).status).toBe(201);
    expect((await api(app, "POST", "/api/sandbox/limited/rate-limit", { perMinute: 0 })).status).toBe(400);
  });
});
