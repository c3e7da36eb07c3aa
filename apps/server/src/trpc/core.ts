import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { TypedCause } from "./errors.ts";

/**
 * The one tRPC instance. Errors leave with a precise code and a human message: zod failures list
 * their field paths, a plan limit carries its typed cause, and an unexpected error answers a
 * generic message with the request id (its details go to the log, never to the caller).
 */
export const t = initTRPC.context<Context>().create({
  isDev: false,
  // Live streams ping every 15 s so proxies keep them open; a client hearing nothing for 30 s reconnects.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  errorFormatter({ shape, error, ctx }) {
    const base = { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path };
    if (error.cause instanceof ZodError) {
      const issues = error.cause.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, code: issue.code }));
      const summary = issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
      return { ...shape, message: `Invalid input: ${summary}`, data: { ...base, issues } };
    }
    if (error.cause instanceof TypedCause) {
      return { ...shape, data: { ...base, cause: error.cause.details } };
    }
    if (error.code === "INTERNAL_SERVER_ERROR") {
      return { ...shape, message: "Internal server error", data: { ...base, requestId: ctx?.requestId } };
    }
    return { ...shape, data: base };
  },
});
