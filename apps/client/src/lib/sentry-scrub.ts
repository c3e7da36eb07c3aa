import type { Breadcrumb, ErrorEvent } from "@sentry/react";

// What leaves the browser for Sentry: where the error happened and who hit it, never what anyone
// wrote. Message text can hide in request bodies, in URLs (tRPC GET requests carry their input,
// the inbox search its query) and in console output.

const bodyKeys = ["body", "request_body", "response_body", "input", "arguments", "data"];

/** A URL without its query string or fragment. */
export function stripQuery(url: string): string {
  return url.replace(/[?#].*$/s, "");
}

/** A breadcrumb without bodies or query strings; console breadcrumbs are dropped whole. */
export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null {
  if (breadcrumb.category === "console") return null;
  if (!breadcrumb.data) return breadcrumb;
  const data: Record<string, unknown> = { ...breadcrumb.data };
  for (const key of bodyKeys) delete data[key];
  for (const key of ["url", "from", "to"]) {
    const value = data[key];
    if (typeof value === "string") data[key] = stripQuery(value);
  }
  return { ...breadcrumb, data };
}

/** The event as Sentry may keep it: request without body, cookies or query; breadcrumbs scrubbed; the user by id only. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const scrubbed: ErrorEvent = { ...event, extra: undefined };
  if (event.request) {
    const { data: _data, cookies: _cookies, query_string: _query, ...request } = event.request;
    scrubbed.request = { ...request, url: request.url ? stripQuery(request.url) : request.url };
  }
  if (event.breadcrumbs) scrubbed.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb).filter((crumb): crumb is Breadcrumb => crumb !== null);
  scrubbed.user = event.user?.id ? { id: event.user.id } : undefined;
  return scrubbed;
}
