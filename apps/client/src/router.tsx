import { createRouter } from "@tanstack/react-router";
import { NotFound } from "./components/not-found.tsx";
import { createQueryClient, createTrpcClient } from "./lib/trpc.ts";
import { routeTree } from "./routeTree.gen.ts";

/** Builds the router with the query and tRPC clients in its context (TanStack Start calls this). */
export function getRouter() {
  const queryClient = createQueryClient();
  const trpcClient = createTrpcClient();
  return createRouter({
    routeTree,
    context: { queryClient, trpcClient },
    scrollRestoration: true,
    defaultPreload: "intent",
    defaultNotFoundComponent: NotFound,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof getRouter>;
  }
}
