import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "server/trpc";
import { clientEnv } from "../env.ts";

/** Typed hooks for the API: `const trpc = useTRPC(); useQuery(trpc.health.queryOptions())`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** One tRPC client per browser tab (and per server render), talking to the API server. */
export function createTrpcClient() {
  const url = `${clientEnv.serverUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Live events stream over SSE (EventSource), which resumes with the last event id by itself.
        condition: (operation) => operation.type === "subscription",
        true: httpSubscriptionLink({ url, eventSourceOptions: { withCredentials: true } }),
        false: httpBatchLink({
          url,
          // The API's session cookie travels cross-origin (client :3000 → API :8787).
          fetch: (input, options) => fetch(input, { ...options, credentials: "include" }),
        }),
      }),
    ],
  });
}

export function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}
