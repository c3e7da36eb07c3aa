import * as Sentry from "@sentry/node";
import { scrubBreadcrumb, scrubEvent, sensitiveHeaders } from "./sentry-scrub.ts";

export { scrubBreadcrumb, scrubEvent } from "./sentry-scrub.ts";

export interface SentryOptions {
  /** Empty or missing: Sentry stays off and nothing is sent anywhere. */
  dsn: string | undefined;
  /** The app, e.g. "server" or "whatsapp-web-server". */
  service: string;
  environment: string;
  release?: string;
}

/** Who and where an error happened: ids only, never names, addresses or message contents. */
export interface ErrorScope {
  userId?: string | null;
  workspaceId?: string | null;
  requestId?: string | null;
  /** Where it failed, e.g. the tRPC procedure path or the HTTP route. */
  where?: string | null;
}

export interface ErrorReporter {
  capture(error: unknown, scope?: ErrorScope): void;
  /** Waits for queued events to leave (before exit, and in tests). */
  flush(timeoutMs?: number): Promise<boolean>;
}

const silent: ErrorReporter = { capture: () => {}, flush: async () => true };

/** Starts Sentry when a DSN is set; otherwise answers a reporter that does nothing. */
export function initSentry(options: SentryOptions): ErrorReporter {
  if (!options.dsn) return silent;
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    serverName: options.service,
    // Nothing about the person or the request beyond what `capture` sets: no bodies, cookies,
    // query strings or automatic user fields (the scrubber below is the second line of defence).
    dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false, httpHeaders: { request: { deny: [...sensitiveHeaders] }, response: false } },
    tracesSampleRate: 0,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  Sentry.setTag("service", options.service);
  return {
    capture(error, scope = {}) {
      Sentry.withScope((sentryScope) => {
        if (scope.userId) sentryScope.setUser({ id: scope.userId });
        if (scope.workspaceId) sentryScope.setTag("workspace_id", scope.workspaceId);
        if (scope.requestId) sentryScope.setTag("request_id", scope.requestId);
        if (scope.where) sentryScope.setTag("where", scope.where);
        Sentry.captureException(error);
      });
    },
    flush: (timeoutMs = 2_000) => Sentry.flush(timeoutMs),
  };
}
