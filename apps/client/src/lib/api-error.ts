import { TRPCClientError } from "@trpc/client";

/** What the UI needs to say about a failed API call. */
export type ApiProblem =
  | { kind: "plan-limit"; limit: string; upgradeUrl: string | null }
  | { kind: "role" }
  | { kind: "invalid"; issues: string[] }
  | { kind: "other"; message: string };

interface ErrorData {
  code?: string;
  cause?: { code?: string; limit?: string; upgradeUrl?: string };
  issues?: { path?: (string | number)[]; message?: string }[];
}

/** Reads the API's error shapes (see apps/server/README.md, "Errors") out of any thrown value. */
export function describeApiError(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    if (data.cause?.code === "PLAN_LIMIT") return { kind: "plan-limit", limit: data.cause.limit ?? "", upgradeUrl: data.cause.upgradeUrl ?? null };
    if (data.cause?.code === "ROLE") return { kind: "role" };
    if (data.issues?.length) {
      return { kind: "invalid", issues: data.issues.map((issue) => [issue.path?.join("."), issue.message].filter(Boolean).join(": ")) };
    }
    return { kind: "other", message: error.message };
  }
  return { kind: "other", message: error instanceof Error ? error.message : String(error) };
}
