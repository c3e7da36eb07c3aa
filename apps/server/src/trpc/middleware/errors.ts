import { TRPCError } from "@trpc/server";
import { t } from "../core.ts";
import { isUniqueViolation } from "../errors.ts";

/** Turns a unique-constraint violation (a duplicate name) into CONFLICT instead of a 500. */
export const mapDatabaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isUniqueViolation(result.error.cause)) {
    throw new TRPCError({ code: "CONFLICT", message: "Something with that name already exists in this workspace." });
  }
  return result;
});
