import type { Instrumentation } from "next";

/** Runs once when the portal's server starts: Sentry, when `SENTRY_DSN` is set. */
export async function register(): Promise<void> {
  const { startSentry } = await import("~/lib/sentry");
  startSentry();
}

/** Errors Next.js caught while rendering a page, running an action or a route: to Sentry when started. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  const { reportRequestError } = await import("~/lib/sentry");
  reportRequestError(...args);
};
