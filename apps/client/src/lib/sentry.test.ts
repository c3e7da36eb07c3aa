import type { Breadcrumb, ErrorEvent } from "@sentry/react";
import { describe, expect, it, vi } from "vitest";
import { followRouter, type SentryApi, startSentry } from "./sentry.ts";
import { scrubBreadcrumb, scrubEvent } from "./sentry-scrub.ts";

const secret = "my card number is 4111 1111 1111 1111";

function fakeSentry() {
  return { init: vi.fn(), setTag: vi.fn(), setUser: vi.fn(), captureException: vi.fn() } satisfies Record<keyof SentryApi, unknown>;
}

describe("startSentry", () => {
  it("loads and starts nothing without a DSN", async () => {
    const load = vi.fn(async () => fakeSentry() as unknown as SentryApi);
    expect(await startSentry({ dsn: undefined, load })).toBeNull();
    expect(await startSentry({ dsn: "", load })).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it("with a DSN, starts Sentry with the scrubbers and no personal data collection", async () => {
    const sentry = fakeSentry();
    await startSentry({ dsn: "https://key@o1.ingest.sentry.io/1", load: async () => sentry as unknown as SentryApi });
    const options = sentry.init.mock.calls[0]?.[0];
    expect(options).toMatchObject({ dsn: "https://key@o1.ingest.sentry.io/1", dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false } });
    expect(options.beforeSend).toBe(scrubEvent);
    expect(options.beforeBreadcrumb).toBe(scrubBreadcrumb);
  });
});

describe("followRouter", () => {
  it("tags the route and the signed-in user's id, and follows navigation", () => {
    const sentry = fakeSentry();
    let listener = () => undefined as void;
    const router = {
      state: { matches: [{ routeId: "__root__" }, { routeId: "/_authed", context: { session: { user: { id: "user-1", email: "a@b.c" } } } }, { routeId: "/_authed/inbox" }] },
      subscribe: (_event: "onResolved", next: () => void) => {
        listener = next;
        return () => undefined;
      },
    };
    followRouter(sentry as unknown as SentryApi, router);
    expect(sentry.setTag).toHaveBeenCalledWith("route", "/_authed/inbox");
    expect(sentry.setUser).toHaveBeenCalledWith({ id: "user-1" });
    router.state.matches = [{ routeId: "__root__" }, { routeId: "/sign-in" }];
    listener();
    expect(sentry.setTag).toHaveBeenLastCalledWith("route", "/sign-in");
    expect(sentry.setUser).toHaveBeenLastCalledWith(null);
  });
});

describe("the scrubber", () => {
  it("drops message text from request bodies, URLs, console output and user details", () => {
    const event = {
      type: undefined,
      message: "TRPCClientError",
      request: { url: `http://localhost:8787/trpc/search.inbox?input=${encodeURIComponent(secret)}`, data: { text: secret }, query_string: `input=${secret}`, cookies: { session: "x" } },
      breadcrumbs: [
        { category: "console", message: secret },
        { category: "fetch", data: { method: "POST", url: "http://localhost:8787/trpc/message.send?batch=1", body: JSON.stringify({ text: secret }), status_code: 200 } },
        { category: "navigation", data: { from: "/inbox", to: `/inbox?q=${encodeURIComponent(secret)}` } },
      ],
      user: { id: "user-1", email: "agent@example.com", ip_address: "1.2.3.4" },
      extra: { draft: secret },
    } as unknown as ErrorEvent;
    const scrubbed = scrubEvent(event);
    const text = JSON.stringify(scrubbed);
    expect(text).not.toContain("4111");
    expect(text).not.toContain("agent@example.com");
    expect(scrubbed.user).toEqual({ id: "user-1" });
    expect(scrubbed.request?.url).toBe("http://localhost:8787/trpc/search.inbox");
    expect(scrubbed.breadcrumbs?.map((crumb) => crumb.category)).toEqual(["fetch", "navigation"]);
    expect(scrubbed.breadcrumbs?.[0]?.data).toEqual({ method: "POST", url: "http://localhost:8787/trpc/message.send", status_code: 200 });
  });

  it("keeps a breadcrumb without data as it is", () => {
    const crumb: Breadcrumb = { category: "ui.click", message: "button.send" };
    expect(scrubBreadcrumb(crumb)).toBe(crumb);
  });
});
