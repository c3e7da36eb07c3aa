import "server-only";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "server/trpc";
import { env } from "~/env";

/**
 * The API's tRPC client for server components. It runs only on the server: the portal renders
 * API data per request and ships none of this to the browser.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${env.SERVER_URL}/trpc`,
      // A stalled API must not hang the page; the caller shows the error state instead.
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(3000), cache: "no-store" }),
    }),
  ],
});
