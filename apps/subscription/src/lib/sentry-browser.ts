import { scrubBreadcrumb, scrubEvent } from "@nexis/observability/sentry-scrub";
import * as Sentry from "@sentry/nextjs";

/**
 * Sentry's browser SDK for the portal's pages, started by `instrumentation-client.ts` only when the
 * server was given a DSN: uncaught errors and rejections, scrubbed like every other app's (no
 * query strings, cookies, console lines or personal fields), no tracing, no replay.
 */
export function startBrowserSentry(dsn: string): void {
  Sentry.init({
    dsn,
    // No IP address, cookies, bodies or query strings, as on the server.
    dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false },
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (crumb) => scrubBreadcrumb(crumb),
  });
  Sentry.setTag("service", "subscription-browser");
}

/** Who is looking at the page (ids only), on the browser's later reports. */
export function tagBrowserVisitor(visitor: { userId: string; workspaceId: string }): void {
  if (!Sentry.isInitialized()) return;
  Sentry.setUser({ id: visitor.userId });
  Sentry.setTag("workspace_id", visitor.workspaceId);
}
