import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../init.ts";
import { healthQuery } from "./health.ts";

/** The root router: one entry per domain router; its type is what the apps import. */
export const appRouter = router({
  health: healthQuery,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
