import { describe, expect, test } from "bun:test";
import { createApp } from "../app.ts";
import {
  api,
  closeTestRuntime,
  createTempDataDir,
  createTestApp,
  createTestRuntime,
  startWebhookReceiver,
  testApiKey,
  waitFor,
} from "../test-helpers.ts";
import { appVersion } from "../version.ts";
import { verifySignature } from "./signing.ts";

type Receiver = ReturnType<typeof startWebhookReceiver>;

const fastRetries = { delaySeconds: 0.01, attempts: 5, policy: "constant" } as const;

async function linkedSession(app: ReturnType<typeof createTestApp>, receiver: Receiver, webhook: Record<string, unknown> = {}) {
  await api(app, "POST", "/api/sessions", {
    name: "hooked",
    config: {
      metadata: { "account.id": "acc_1" },
      webhooks: [{ url: receiver.url, events: ["*"], retries: fastRetries, ...webhook }],
    },
  });
  await waitFor(() => receiver.events("session.status").some((hook) => hook.body.payload.status === "SCAN_QR_CODE"), 2_000, "SCAN_QR_CODE event");
  await api(app, "POST", "/api/sandbox/hooked/scan");
  await waitFor(() => receiver.events("session.status").some((hook) => hook.body.payload.status === "WORKING"), 2_000, "WORKING event");
}

describe("webhooks to a real HTTP receiver", () => {
  test("session.status follows the statuses, in WAHA's envelope", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await linkedSession(app, receiver);
    const statuses = receiver.events("session.status").map((hook) => hook.body.payload.status);
    expect(statuses).toEqual(["STARTING", "SCAN_QR_CODE", "WORKING"]);
    // Event ids are unique and sortable by creation (read before toMatchObject, which rewrites matched fields).
    const ids = receiver.received.map((hook) => hook.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const working = receiver.events("session.status")[2]?.body;
    expect(working).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9a-hjkmnp-tv-z]{26}$/),
      timestamp: expect.any(Number),
      session: "hooked",
      metadata: { "account.id": "acc_1" },
      engine: "SANDBOX",
      event: "session.status",
      me: { id: expect.stringMatching(/^1555\d{7}@c\.us$/), pushName: "Sandbox hooked" },
      payload: { name: "hooked", status: "WORKING", statuses: expect.any(Array) },
      environment: { version: appVersion, engine: "SANDBOX", tier: "CORE" },
    });
  });

  test("sendText gives message.any, then acks SERVER → DEVICE → READ in order", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await linkedSession(app, receiver);
    const sent = (await (await api(app, "POST", "/api/sendText", { session: "hooked", chatId: "5511999999999@c.us", text: "hi" })).json()) as { id: string };
    await waitFor(() => receiver.events("message.ack").length === 3, 2_000, "three acks");
    const any = receiver.events("message.any");
    expect(any.map((hook) => hook.body.payload.id)).toEqual([sent.id]);
    const acks = receiver.events("message.ack").map((hook) => [hook.body.payload.id, hook.body.payload.ack, hook.body.payload.ackName]);
    expect(acks).toEqual([
      [sent.id, 1, "SERVER"],
      [sent.id, 2, "DEVICE"],
      [sent.id, 3, "READ"],
    ]);
    const order = receiver.received.map((hook) => hook.body.event).filter((event) => event !== "session.status");
    expect(order).toEqual(["message.any", "message.ack", "message.ack", "message.ack"]);
  });

  test("an injected inbound message gives message and message.any; the events filter applies", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await linkedSession(app, receiver, { events: ["session.status", "message"] });
    await api(app, "POST", "/api/sandbox/hooked/inbound", { from: "5511988887777", text: "hello" });
    await api(app, "POST", "/api/sendText", { session: "hooked", chatId: "5511988887777@c.us", text: "back" });
    await waitFor(() => receiver.events("message").length === 1, 2_000, "message");
    await Bun.sleep(50);
    expect(receiver.events("message")[0]?.body.payload).toMatchObject({ from: "5511988887777@c.us", body: "hello", fromMe: false });
    expect(receiver.events("message.any")).toHaveLength(0);
    expect(receiver.events("message.ack")).toHaveLength(0);
  });

  test("signs the raw body with HMAC-SHA512 and sends WAHA's headers and custom ones", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await linkedSession(app, receiver, { hmac: { key: "s3cret" }, customHeaders: [{ name: "X-Tenant", value: "t1" }] });
    for (const hook of receiver.received) {
      expect(hook.headers.get("x-webhook-hmac-algorithm")).toBe("sha512");
      expect(verifySignature(hook.raw, "s3cret", hook.headers.get("x-webhook-hmac"))).toBe(true);
      expect(verifySignature(hook.raw, "wrong", hook.headers.get("x-webhook-hmac"))).toBe(false);
      expect(hook.headers.get("x-webhook-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(hook.headers.get("x-webhook-timestamp"))).toBeGreaterThan(Date.now() - 60_000);
      expect(hook.headers.get("x-tenant")).toBe("t1");
      expect(hook.headers.get("content-type")).toBe("application/json");
    }
  });

  test("without a key, sends no signature", async () => {
    const receiver = startWebhookReceiver();
    await linkedSession(createTestApp(), receiver);
    expect(receiver.received[0]?.headers.get("x-webhook-hmac")).toBeNull();
  });

  test("a receiver that answers 500 three times gets the event, same id, on the fourth try, and order holds", async () => {
    const receiver = startWebhookReceiver({ failures: 3 });
    const app = createTestApp();
    await linkedSession(app, receiver);
    expect(receiver.state.attempts).toBe(3 + 3);
    expect(receiver.events("session.status").map((hook) => hook.body.payload.status)).toEqual(["STARTING", "SCAN_QR_CODE", "WORKING"]);
  });

  test("gives up after the retries are used up, then delivers the next event", async () => {
    const receiver = startWebhookReceiver({ failures: 3 });
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", {
      name: "giveup",
      start: false,
      config: { webhooks: [{ url: receiver.url, events: ["session.status"], retries: { delaySeconds: 0.01, attempts: 2, policy: "linear" } }] },
    });
    await api(app, "POST", "/api/sessions/giveup/start");
    // STARTING fails 3 times (1 try + 2 retries) and is dropped; SCAN_QR_CODE goes through.
    await waitFor(() => receiver.events("session.status").length >= 1, 2_000, "an event");
    expect(receiver.events("session.status").map((hook) => hook.body.payload.status)).toEqual(["SCAN_QR_CODE"]);
  });
});

describe("pending webhooks", () => {
  test("survive a restart of the service and are delivered after it", async () => {
    const dataDir = createTempDataDir();
    const receiver = startWebhookReceiver();
    receiver.state.failing = true;
    const first = createTestRuntime({ dataDir });
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: first });
    await api(app, "POST", "/api/sessions", {
      name: "durable",
      config: { webhooks: [{ url: receiver.url, events: ["session.status"], retries: { delaySeconds: 60, attempts: 3 } }] },
    });
    await waitFor(() => receiver.state.attempts >= 1, 2_000, "a first attempt");
    await Bun.sleep(30);
    await closeTestRuntime(first);

    receiver.state.failing = false;
    const second = createTestRuntime({ dataDir });
    await second.start();
    await waitFor(() => receiver.events("session.status").length >= 2, 2_000, "the pending events");
    const statuses = receiver.events("session.status").map((hook) => hook.body.payload.status);
    // The first run's STARTING and SCAN_QR_CODE, in order, then the restored session's own.
    expect(statuses.slice(0, 2)).toEqual(["STARTING", "SCAN_QR_CODE"]);
  });
});

describe("GET /api/x/webhooks", () => {
  test("shows recent attempts, failures included, newest first, and what is pending", async () => {
    const receiver = startWebhookReceiver({ failures: 1 });
    const app = createTestApp();
    await linkedSession(app, receiver);
    const response = await api(app, "GET", "/api/x/webhooks?session=hooked");
    expect(response.status).toBe(200);
    const log = (await response.json()) as { pending: number; attempts: Array<Record<string, unknown>> };
    expect(log.pending).toBe(0);
    const oldestFirst = [...log.attempts].reverse();
    expect(oldestFirst.slice(0, 2)).toMatchObject([
      { event: "session.status", session: "hooked", url: receiver.url, attempt: 1, status: 500, outcome: "failed", error: "HTTP 500" },
      { event: "session.status", attempt: 2, status: 204, outcome: "delivered", error: null },
    ]);
    expect((await api(app, "GET", "/api/x/webhooks?session=../x")).status).toBe(400);
    expect(((await (await api(app, "GET", "/api/x/webhooks?session=other")).json()) as { attempts: unknown[] }).attempts).toEqual([]);
  });
});
