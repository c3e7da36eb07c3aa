import "server-only";
import { scrubBreadcrumb, scrubEvent, sensitiveHeaders } from "@nexis/observability/sentry-scrub";
import * as Sentry from "@sentry/nextjs";
import { env } from "~/env";

let started = false;

/** The shared scrubber, plus Next.js' own request context, whose path would keep the query string. */
function scrubNextEvent(event: Sentry.ErrorEvent): Sentry.ErrorEvent {
  const scrubbed = scrubEvent(event);
  const nextjs = scrubbed.contexts?.nextjs;
  if (nextjs && typeof nextjs.request_path === "string") nextjs.request_path = nextjs.request_path.split("?")[0];
  return scrubbed;
}

/**
 * Starts Sentry's Next.js SDK on the portal's server when a DSN is set; without one nothing is
 * initialised and nothing is sent. Same rules as the other apps (`@nexis/observability/sentry`):
 * no bodies, cookies, query strings or personal fields, only the ids `tagVisitor` sets.
 */
export function startSentry(dsn: string | undefined = env.SENTRY_DSN): boolean {
  if (!dsn || started) return started;
  Sentry.init({
    dsn,
    environment: env.NODE_ENV,
    serverName: "subscription",
    dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false, httpHeaders: { request: { deny: [...sensitiveHeaders] }, response: false } },
    tracesSampleRate: 0,
    beforeSend: scrubNextEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  Sentry.setTag("service", "subscription");
  started = true;
  return true;
}

/** Next.js' `onRequestError`: a server component, route or action failed (only when started). */
export function reportRequestError(...args: Parameters<typeof Sentry.captureRequestError>): void {
  if (started) Sentry.captureRequestError(...args);
}

/**
 * Who this request is for, once the API said so: the user's and the workspace's ids on any error
 * reported while serving it (the request's own isolation scope), never names or e-mails.
 */
export function tagVisitor(visitor: { userId: string; workspaceId: string }): void {
  if (!started) return;
  const scope = Sentry.getIsolationScope();
  scope.setUser({ id: visitor.userId });
  scope.setTag("workspace_id", visitor.workspaceId);
}

/** Waits for queued events to leave (tests). */
export const flushSentry = (timeoutMs = 2_000) => Sentry.flush(timeoutMs);
