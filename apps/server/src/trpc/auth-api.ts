import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { isAPIError } from "better-auth/api";

/** Better Auth's error statuses that tRPC has a code of the same meaning for. */
const sameCodes = new Set<string>(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "TOO_MANY_REQUESTS", "UNPROCESSABLE_CONTENT"]);

/**
 * Calls a Better Auth server API (`ctx.auth.api.*`) and turns its refusals into tRPC errors with
 * its message, so the caller sees e.g. FORBIDDEN "You are not allowed to invite…" instead of a 500.
 */
export async function callAuthApi<Result>(call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    if (!isAPIError(error) || error.statusCode >= 500) throw error;
    const status = String(error.status);
    const code = (sameCodes.has(status) ? status : "BAD_REQUEST") as TRPC_ERROR_CODE_KEY;
    const message = typeof error.body?.message === "string" ? error.body.message : "The request was refused.";
    throw new TRPCError({ code, message, cause: error });
  }
}
