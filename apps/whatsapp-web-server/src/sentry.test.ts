import { afterAll, describe, expect, test } from "bun:test";
import { initSentry } from "@nexis/observability/sentry";
import { startEnvelopeReceiver } from "@nexis/observability/testing";
import { createApp } from "./app.ts";
import { api, createTestRuntime, testApiKey } from "./test-helpers.ts";

const receiver = await startEnvelopeReceiver();
afterAll(() => receiver.close());

describe("Sentry", () => {
  test("receives an unexpected error with its route and request id, while the caller gets a plain 500", async () => {
    const errorReporter = initSentry({ dsn: receiver.dsn, service: "whatsapp-web-server", environment: "test" });
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: createTestRuntime(), errorReporter });
    // A route that fails in a way nobody planned for (added after the app is built, like a plugin would).
    app.post("/api/x/explode", () => {
      throw new Error("engine exploded");
    });
    const response = await app.handle(
      new Request("http://localhost/api/x/explode", { method: "POST", headers: { "X-Api-Key": testApiKey, "X-Request-Id": "boom-1", "Content-Type": "application/json" }, body: JSON.stringify({ text: "private words" }) }),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ statusCode: 500, message: "Internal server error" });
    await errorReporter.flush(5_000);
    expect(receiver.events).toHaveLength(1);
    const event = receiver.events[0] as { tags?: Record<string, string>; exception?: { values?: { value?: string }[] } };
    expect(event.exception?.values?.[0]?.value).toBe("engine exploded");
    expect(event.tags).toMatchObject({ service: "whatsapp-web-server", request_id: "boom-1", where: "POST /api/x/explode" });
    expect(receiver.raw.join("")).not.toContain("private words");
    // An expected error (unknown session) is not an incident.
    await api(app, "GET", "/api/sessions/nobody");
    await errorReporter.flush(1_000);
    expect(receiver.events).toHaveLength(1);
  });
});
