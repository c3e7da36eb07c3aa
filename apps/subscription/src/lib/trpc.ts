import "server-only";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { cookies } from "next/headers";
import type { AppRouter } from "server/trpc";
import { env } from "~/env";

// A stalled API must not hang the page; the caller shows the error state instead.
const timedFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(5000), cache: "no-store" });

/**
 * The API's tRPC client for server components, signed out. It runs only on the server: the
 * portal renders API data per request and ships none of this to the browser.
 */
export const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${env.SERVER_URL}/trpc`, fetch: timedFetch })] });

/**
 * The API's tRPC client as the visitor: their Better Auth session cookie (set by the client app
 * or by this portal's sign-in; cookies are per host, so both share it) is forwarded. The portal
 * never reads the database: every answer comes from the API.
 */
export async function apiAsVisitor() {
  const cookie = (await cookies()).toString();
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${env.SERVER_URL}/trpc`, fetch: timedFetch, headers: { cookie, origin: env.SUBSCRIPTION_URL } })],
  });
}

/** The tRPC error code of a failed call (UNAUTHORIZED, FORBIDDEN…), or null for anything else. */
export function trpcErrorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { code?: string } | undefined)?.code ?? null) : null;
}
