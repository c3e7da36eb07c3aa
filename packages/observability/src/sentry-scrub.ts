// The scrubbers alone, with no import of a Sentry SDK: apps on another Sentry SDK version (the
// portal's @sentry/nextjs) reuse them without loading @sentry/node a second time. The shapes below
// are the parts of Sentry's event and breadcrumb types the scrubbers touch, so any version fits.

/** A breadcrumb as far as the scrubber reads it. */
export interface ScrubbableBreadcrumb {
  category?: string;
  data?: { [key: string]: unknown };
}

/** An event as far as the scrubber reads it. */
export interface ScrubbableEvent {
  request?: { url?: string; data?: unknown; cookies?: unknown; query_string?: unknown; headers?: { [key: string]: string } };
  extra?: unknown;
  user?: { id?: string | number };
  breadcrumbs?: ScrubbableBreadcrumb[];
}

/** Request headers that carry credentials or signatures: never sent to Sentry. */
export const sensitiveHeaders = new Set(["authorization", "cookie", "set-cookie", "x-api-key", "x-webhook-hmac", "creem-signature"]);

/**
 * Strips what must never leave for Sentry: request bodies, cookies, query strings, credentials in
 * headers, free-form extras (they could hold message text), and the user's e-mail or IP.
 */
export function scrubEvent<T extends ScrubbableEvent>(event: T): T {
  if (event.request) {
    delete event.request.data;
    delete event.request.cookies;
    delete event.request.query_string;
    // A page's address keeps its path only: a query string may carry a token or a search.
    if (typeof event.request.url === "string") event.request.url = event.request.url.split("?")[0];
    if (event.request.headers) {
      event.request.headers = Object.fromEntries(Object.entries(event.request.headers).filter(([name]) => !sensitiveHeaders.has(name.toLowerCase())));
    }
  }
  delete event.extra;
  if (event.user) event.user = (event.user.id === undefined ? {} : { id: event.user.id }) as T["user"];
  if (event.breadcrumbs) event.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb).filter((crumb) => crumb !== null) as T["breadcrumbs"];
  return event;
}

/**
 * Console lines may quote anything, so they are dropped; HTTP breadcrumbs keep method, URL path
 * and status; navigation breadcrumbs keep the paths.
 */
export function scrubBreadcrumb<T extends ScrubbableBreadcrumb>(crumb: T): T | null {
  if (crumb.category === "console") return null;
  // A browser's page changes: paths only (a query string may carry a token or a search).
  if (crumb.category === "navigation" && crumb.data) {
    const path = (value: unknown) => (typeof value === "string" ? value.split("?")[0] : value);
    return { ...crumb, data: { from: path(crumb.data.from), to: path(crumb.data.to) } };
  }
  if (crumb.data && typeof crumb.data.url === "string") {
    const { url, method, status_code: statusCode } = crumb.data;
    return { ...crumb, data: { url: url.split("?")[0], method, status_code: statusCode } };
  }
  return crumb;
}
