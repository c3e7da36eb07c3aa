import type * as SentryReact from "@sentry/react";
import { scrubBreadcrumb, scrubEvent } from "./sentry-scrub.ts";

/** The part of `@sentry/react` the client uses. */
export type SentryApi = Pick<typeof SentryReact, "init" | "setTag" | "setUser" | "captureException">;

/** What `followRouter` reads of the router: the matched routes and their context (the session). */
interface RouterLike {
  state: { matches: { routeId: string; context?: unknown }[] };
  subscribe(event: "onResolved", listener: () => void): () => void;
}

let started: SentryApi | null = null;

/**
 * Starts Sentry when a DSN is configured, and does nothing at all otherwise: `@sentry/react` is
 * fetched only then (a separate chunk), so without a DSN it costs the first load nothing.
 */
export async function startSentry(options: { dsn: string | undefined; environment?: string; load?: () => Promise<SentryApi> }): Promise<SentryApi | null> {
  if (!options.dsn) return null;
  const sentry = await (options.load ?? (() => import("./sentry-sdk.ts")))();
  sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    // Collect no user info, cookies, bodies or query strings in the first place; the scrubbers
    // below are the second line, for what integrations put in breadcrumbs anyway.
    dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false },
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  started = sentry;
  return sentry;
}

/** Tags every event with the current route and the signed-in user's id, following navigation. */
export function followRouter(sentry: SentryApi, router: RouterLike): () => void {
  const tag = () => {
    const matches = router.state.matches;
    sentry.setTag("route", matches.at(-1)?.routeId ?? "unknown");
    const userId = matches
      .map((match) => (match.context as { session?: { user?: { id?: string } } } | undefined)?.session?.user?.id)
      .find(Boolean);
    sentry.setUser(userId ? { id: userId } : null);
  };
  tag();
  return router.subscribe("onResolved", tag);
}

/** Reports an error a route's error boundary caught (React keeps those from the global handlers). */
export function reportError(error: unknown): void {
  started?.captureException(error);
}
