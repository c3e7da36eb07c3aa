import { describe, expect, test } from "bun:test";
import { createLogger } from "@nexis/observability";
import { createApp } from "./app.ts";
import { api, createTestRuntime, request, startWebhookReceiver, testApiKey, waitFor } from "./test-helpers.ts";

describe("request ids", () => {
  test("answer with the caller's X-Request-Id, or a new one for a missing or forged id", async () => {
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: createTestRuntime() });
    expect((await request(app, "/ping", { headers: { "X-Request-Id": "from-api-1" } })).headers.get("x-request-id")).toBe("from-api-1");
    expect((await request(app, "/ping")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await request(app, "/ping", { headers: { "X-Request-Id": "bad id with spaces" } })).headers.get("x-request-id")).not.toContain(" ");
  });

  test("follow a send into the service's log lines and back on the webhooks it causes", async () => {
    const lines: string[] = [];
    const logger = createLogger({ service: "whatsapp-web-server", level: "debug", pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const runtime = createTestRuntime();
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime, logger });
    const receiver = startWebhookReceiver();
    const retries = { delaySeconds: 0.01, attempts: 3, policy: "constant" };
    await api(app, "POST", "/api/sessions", { name: "traced", config: { webhooks: [{ url: receiver.url, events: ["message.ack"], retries }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/traced")).json()) as { status: string }).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/traced/scan");

    const sent = await request(app, "/api/sendText", {
      method: "POST",
      headers: { "X-Api-Key": testApiKey, "Content-Type": "application/json", "X-Request-Id": "send-42" },
      body: JSON.stringify({ session: "traced", chatId: "5511999999999@c.us", text: "a secret order detail" }),
    });
    expect(sent.status).toBe(201);
    const acks = await waitFor(() => receiver.events("message.ack").length >= 1 && receiver.events("message.ack"), 3_000, "message.ack webhook");
    expect(acks[0]?.headers.get("x-request-id")).toBe("send-42");
    // Every request logs one line with its id; message text never reaches the log.
    await request(app, "/api/sendText", {
      method: "POST",
      headers: { "X-Api-Key": testApiKey, "Content-Type": "application/json", "X-Request-Id": "bad-send-7" },
      body: JSON.stringify({ session: "ghost", chatId: "5511999999999@c.us", text: "another secret" }),
    });
    // The request line is written after the response has gone.
    const entries = await waitFor(() => {
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      return parsed.some((entry) => entry.requestId === "bad-send-7") && parsed;
    }, 2_000, "the failed request's log line");
    expect(entries).toContainEqual(expect.objectContaining({ msg: "request", requestId: "send-42", route: "/api/sendText", status: 201 }));
    expect(entries).toContainEqual(expect.objectContaining({ msg: "request", requestId: "bad-send-7", route: "/api/sendText", status: 404 }));
    const all = lines.join("\n");
    expect(all).not.toContain("secret order detail");
    expect(all).not.toContain("another secret");
  });
});
