import { createRouter } from "@tanstack/react-router";
import { NotFound } from "./components/not-found.tsx";
import { clientEnv } from "./env.ts";
import { followRouter, reportError, startSentry } from "./lib/sentry.ts";
import { createQueryClient, createTrpcClient } from "./lib/trpc.ts";
import { routeTree } from "./routeTree.gen.ts";

/** Builds the router with the query and tRPC clients in its context (TanStack Start calls this). */
export function getRouter() {
  const queryClient = createQueryClient();
  const trpcClient = createTrpcClient();
  const router = createRouter({
    routeTree,
    context: { queryClient, trpcClient },
    scrollRestoration: true,
    defaultPreload: "intent",
    defaultNotFoundComponent: NotFound,
    defaultOnCatch: reportError,
  });
  // Browser errors only (the server has its own logging); a no-op without VITE_SENTRY_DSN.
  if (typeof window !== "undefined") {
    void startSentry({ dsn: clientEnv.sentryDsn, environment: import.meta.env.MODE }).then((sentry) => sentry && followRouter(sentry, router));
  }
  return router;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof getRouter>;
  }
}
