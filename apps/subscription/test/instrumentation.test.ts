import { startEnvelopeReceiver } from "@nexis/observability/testing";
import * as Sentry from "@sentry/nextjs";
import { afterAll, describe, expect, it } from "vitest";

// The portal reads SENTRY_DSN once, when src/env.ts is first imported: point it at a local receiver.
const receiver = await startEnvelopeReceiver();
process.env.SENTRY_DSN = receiver.dsn;
const { register, onRequestError } = await import("../src/instrumentation.ts");
const { flushSentry, reportRequestError, startSentry, tagVisitor } = await import("../src/lib/sentry.ts");

afterAll(() => receiver.close());

const secretCookie = "better-auth.session_token=portal-session-secret";
const request = {
  path: "/billing?token=query-secret",
  method: "GET",
  headers: { cookie: secretCookie, authorization: "Bearer bearer-secret", "user-agent": "vitest" },
};
const context = { routerKind: "App Router", routePath: "/billing", routeType: "render", renderSource: "react-server-components", revalidateReason: undefined } as const;

describe("the portal's Sentry (src/instrumentation.ts)", () => {
  it("without a DSN, starts nothing and reports nothing", async () => {
    expect(startSentry("")).toBe(false);
    reportRequestError(new Error("not reported"), request, context);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.raw).toEqual([]);
  });

  it("with SENTRY_DSN, sends a server-side error with the user and workspace ids and no secrets", async () => {
    await register();
    await Sentry.withIsolationScope(async () => {
      tagVisitor({ userId: "user-42", workspaceId: "workspace-7" });
      await onRequestError(new Error("billing page exploded"), request, context);
    });
    await flushSentry(5_000);

    expect(receiver.events).toHaveLength(1);
    const event = receiver.events[0] as { user?: unknown; tags?: Record<string, string>; exception?: { values?: { value?: string }[] }; request?: { headers?: Record<string, string> } };
    expect(event.exception?.values?.[0]?.value).toBe("billing page exploded");
    expect(event.user).toEqual({ id: "user-42" });
    expect(event.tags).toMatchObject({ service: "subscription", workspace_id: "workspace-7" });
    const everything = receiver.raw.join("\n");
    for (const secret of ["portal-session-secret", "bearer-secret", "query-secret"]) expect(everything).not.toContain(secret);
  });
});
