import { TRPCError } from "@trpc/server";
import type { PlanId } from "@nexis/plans";

/** The typed cause of a refused create; the client shows it with an upgrade link. */
export interface PlanLimitCause {
  code: "PLAN_LIMIT";
  limit: number;
  used: number;
  plan: PlanId;
  upgradeUrl: string;
}

/** Carried as the `cause` of a FORBIDDEN TRPCError; the error formatter exposes its fields. */
export class PlanLimitError extends Error {
  override name = "PlanLimitError";
  constructor(readonly details: PlanLimitCause) {
    super(`The ${details.plan} plan allows ${details.limit}; upgrade to add more.`);
  }
}

/** Whether an error (or one of its causes) is Postgres' unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && "code" in current && current.code === "23505") return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

/** The row, or NOT_FOUND: also the answer for another workspace's ids, so none leak. */
export function found<Row>(row: Row | undefined, what: string): Row {
  if (row === undefined) throw new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
  return row;
}
