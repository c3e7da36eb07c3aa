import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, RouterContextProvider } from "@tanstack/react-router";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { ReactNode } from "react";
import type { AppRouter } from "server/trpc";
import { TRPCProvider } from "../lib/trpc.ts";

/** Answers for the procedures a test calls, by path (`note.list`); a thrown error becomes the call's error. */
export type FakeProcedures = Record<string, (input: unknown) => unknown>;

/**
 * The real tRPC client and TanStack Query, with a link that answers from `procedures` instead of
 * the network, and a memory router for hooks that navigate. `calls` records what was asked.
 */
export function fakeApi(procedures: FakeProcedures) {
  const calls: { path: string; input: unknown }[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      calls.push({ path: op.path, input: op.input });
      const handler = procedures[op.path];
      Promise.resolve()
        .then(() => {
          if (!handler) throw new Error(`no fake for ${op.path}`);
          return handler(op.input);
        })
        .then(
          (data) => {
            observer.next({ result: { type: "data", data } });
            observer.complete();
          },
          (error: unknown) => observer.error(error as never),
        );
    });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createRouter({ routeTree: createRootRoute(), history: createMemoryHistory({ initialEntries: ["/inbox"] }) });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterContextProvider router={router}>{children}</RouterContextProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
  return { wrapper, calls, queryClient, router };
}
