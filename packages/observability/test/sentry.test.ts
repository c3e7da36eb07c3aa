import { afterAll, describe, expect, it } from "vitest";
import { initSentry, scrubBreadcrumb, scrubEvent } from "../src/sentry.ts";
import { startEnvelopeReceiver } from "../src/testing.ts";

const receiver = await startEnvelopeReceiver();
afterAll(() => receiver.close());

describe("initSentry", () => {
  it("does nothing without a DSN", async () => {
    const reporter = initSentry({ dsn: "", service: "test", environment: "test" });
    reporter.capture(new Error("not sent"));
    expect(await reporter.flush(200)).toBe(true);
    expect(receiver.raw).toHaveLength(0);
  });

  it("sends an error with the user and workspace ids, and nothing that identifies or quotes a customer", async () => {
    const reporter = initSentry({ dsn: receiver.dsn, service: "test-service", environment: "test" });
    reporter.capture(new Error("procedure exploded"), { userId: "user-1", workspaceId: "ws-1", requestId: "req-1", where: "message.send" });
    await reporter.flush(5_000);
    expect(receiver.events).toHaveLength(1);
    const event = receiver.events[0] as { user?: unknown; tags?: Record<string, string>; exception?: { values?: { value?: string }[] } };
    expect(event.user).toEqual({ id: "user-1" });
    expect(event.tags).toMatchObject({ workspace_id: "ws-1", request_id: "req-1", where: "message.send", service: "test-service" });
    expect(event.exception?.values?.[0]?.value).toBe("procedure exploded");
  });
});

describe("scrubEvent", () => {
  it("drops bodies, cookies, credentials, extras and console breadcrumbs", () => {
    const scrubbed = scrubEvent({
      type: undefined,
      request: { url: "http://x/trpc/message.send", data: "the customer's words", cookies: { s: "session-cookie" }, query_string: "token=abc", headers: { Authorization: "Bearer t", "content-type": "application/json" } },
      extra: { input: { text: "agent's words" } },
      user: { id: "u1", email: "a@b.c", ip_address: "1.2.3.4" },
      breadcrumbs: [
        { category: "console", message: "logged the customer's words" },
        { category: "http", data: { url: "http://wa/api/sendText?x=secret", method: "POST", status_code: 201, body: "words" } },
      ],
    });
    const text = JSON.stringify(scrubbed);
    for (const gone of ["customer's words", "session-cookie", "token=abc", "Bearer t", "agent's words", "a@b.c", "1.2.3.4", "x=secret"]) expect(text).not.toContain(gone);
    expect(scrubbed.user).toEqual({ id: "u1" });
    expect(scrubbed.breadcrumbs).toEqual([{ category: "http", data: { url: "http://wa/api/sendText", method: "POST", status_code: 201 } }]);
  });
});

describe("scrubBreadcrumb and page addresses", () => {
  it("keeps only the path of a page, a navigation and a request", () => {
    const event = scrubEvent({ request: { url: "https://app.example/billing?token=secret" } });
    expect(event.request?.url).toBe("https://app.example/billing");
    expect(scrubBreadcrumb({ category: "navigation", data: { from: "/billing?token=secret", to: "/pricing?q=a" } })).toEqual({ category: "navigation", data: { from: "/billing", to: "/pricing" } });
    expect(scrubBreadcrumb({ category: "fetch", data: { url: "/api/x?key=secret", method: "GET", status_code: 200 } })?.data).toEqual({ url: "/api/x", method: "GET", status_code: 200 });
  });
});
