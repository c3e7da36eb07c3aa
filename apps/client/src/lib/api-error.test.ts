import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "server/trpc";
import { describe, expect, it } from "vitest";
import { describeApiError } from "./api-error.ts";

function apiError(data: Record<string, unknown>) {
  return new TRPCClientError<AppRouter>("refused", { result: { error: { code: -32003, message: "refused", data: { httpStatus: 403, path: "x", ...data } } } } as never);
}

describe("describeApiError", () => {
  it("reads a plan limit with its upgrade link", () => {
    const error = apiError({ code: "FORBIDDEN", cause: { code: "PLAN_LIMIT", limit: "accounts", upgradeUrl: "http://localhost:3001/upgrade" } });
    expect(describeApiError(error)).toEqual({ kind: "plan-limit", limit: "accounts", upgradeUrl: "http://localhost:3001/upgrade" });
  });

  it("reads a role refusal and zod issues", () => {
    expect(describeApiError(apiError({ code: "FORBIDDEN", cause: { code: "ROLE", role: "agent" } }))).toEqual({ kind: "role" });
    const invalid = apiError({ code: "BAD_REQUEST", issues: [{ path: ["name"], message: "Required", code: "too_small" }] });
    expect(describeApiError(invalid)).toEqual({ kind: "invalid", issues: ["name: Required"] });
  });

  it("falls back to the message for anything else", () => {
    expect(describeApiError(new Error("offline"))).toEqual({ kind: "other", message: "offline" });
  });
});
