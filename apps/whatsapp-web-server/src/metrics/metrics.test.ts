import { describe, expect, test } from "bun:test";
import { createApp } from "../app.ts";
import { api, closeTestRuntime, createTestApp, createTestRuntime, request, startWebhookReceiver, testApiKey, waitFor } from "../test-helpers.ts";

/** One sample's value from Prometheus text, e.g. `whatsapp_sessions{status="WORKING"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function metrics(app: ReturnType<typeof createTestApp>) {
  const response = await api(app, "GET", "/api/x/metrics");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toStartWith("text/plain");
  return response.text();
}

describe("GET /api/x/metrics", () => {
  test("needs the API key", async () => {
    const response = await request(createTestApp(), "/api/x/metrics", { headers: {} });
    expect(response.status).toBe(401);
  });

  test("counts sessions by status, webhook attempts by outcome, and HTTP latency by route template", async () => {
    const app = createTestApp();
    const receiver = startWebhookReceiver({ failures: 1 });
    const retries = { delaySeconds: 0.01, attempts: 3, policy: "constant" };
    await api(app, "POST", "/api/sessions", { name: "linked", config: { webhooks: [{ url: receiver.url, events: ["session.status"], retries }] } });
    await api(app, "POST", "/api/sessions", { name: "idle", start: false });
    await waitFor(() => receiver.events("session.status").length > 0, 3_000, "a delivered session.status");
    await api(app, "POST", "/api/sandbox/linked/scan");
    await waitFor(() => receiver.events("session.status").some((hook) => hook.body.payload.status === "WORKING"), 3_000, "WORKING event");

    const text = await metrics(app);
    expect(sample(text, 'whatsapp_sessions{status="WORKING"}')).toBe(1);
    expect(sample(text, 'whatsapp_sessions{status="STOPPED"}')).toBe(1);
    expect(sample(text, 'whatsapp_sessions{status="FAILED"}')).toBe(0);
    // The receiver refused the first delivery once: one failed attempt, then deliveries.
    expect(sample(text, 'whatsapp_webhook_attempts_total{outcome="failed"}')).toBe(1);
    expect(sample(text, 'whatsapp_webhook_attempts_total{outcome="delivered"}')).toBe(receiver.received.length);
    expect(sample(text, "whatsapp_webhook_pending")).toBe(0);
    // Latency is labelled with the route template, never the session's name.
    expect(text).toContain('whatsapp_http_request_duration_seconds_count{method="POST",route="/api/sandbox/:session/scan",status="201"} 1');
    expect(text).not.toContain("route=\"/api/sandbox/linked/scan\"");
  });

  test("puts unknown paths under one label, so probing URLs cannot grow the series", async () => {
    const app = createTestApp();
    await api(app, "GET", "/api/x/no-such-thing-1");
    await api(app, "GET", "/api/x/no-such-thing-2");
    const text = await metrics(app);
    expect(text).not.toContain("no-such-thing");
  });
});

describe("GET /ready", () => {
  test("answers 200 while the session store answers, 503 once it is closed, without a key", async () => {
    const runtime = createTestRuntime();
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime, healthChecks: { storage: () => ({ status: "up" }) } });
    const ready = await request(app, "/ready", { headers: {} });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", info: { storage: { status: "up" }, sessionStore: { status: "up" } } });

    await closeTestRuntime(runtime);
    const gone = await request(app, "/ready", { headers: {} });
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({ status: "error", error: { sessionStore: { status: "down" } } });
  });
});
