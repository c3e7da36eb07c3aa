import { hasCause } from "@nexis/db";
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

/** The typed cause of a call the caller's role may not make. */
export interface RoleCause {
  code: "ROLE";
  role: string;
}

/**
 * A machine-readable reason carried as the `cause` of a TRPCError; the error formatter exposes
 * `details` as `error.data.cause`, so clients can tell an upgrade prompt from a role refusal.
 */
export class TypedCause<Details extends { code: string }> extends Error {
  constructor(
    readonly details: Details,
    message: string,
  ) {
    super(message);
    this.name = `${details.code} cause`;
  }
}

export class PlanLimitError extends TypedCause<PlanLimitCause> {
  constructor(details: PlanLimitCause) {
    super(details, `The ${details.plan} plan allows ${details.limit}; upgrade to add more.`);
  }
}

export class RoleError extends TypedCause<RoleCause> {
  constructor(role: string) {
    super({ code: "ROLE", role }, `The ${role} role may not do this.`);
  }
}

/** Whether an error (or one of its causes) is Postgres' unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return hasCause(error, (cause) => cause.code === "23505");
}

/** The row, or NOT_FOUND: also the answer for another workspace's ids, so none leak. */
export function found<Row>(row: Row | undefined, what: string): Row {
  if (row === undefined) throw new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
  return row;
}
