import "server-only";
import type { RouterOutputs } from "server/trpc";
import { tagVisitor } from "~/lib/sentry";
import { apiAsVisitor, trpcErrorCode } from "~/lib/trpc";

export type BillingOverview = RouterOutputs["billing"]["overview"];

/** The visitor's billing overview: `signed-out`, the overview, or an error message (API down…). */
export async function loadOverview(): Promise<{ kind: "signed-out" } | { kind: "ok"; overview: BillingOverview } | { kind: "error"; message: string }> {
  try {
    const overview = await (await apiAsVisitor()).billing.overview.query();
    tagVisitor({ userId: overview.userId, workspaceId: overview.workspaceId });
    return { kind: "ok", overview };
  } catch (error) {
    if (trpcErrorCode(error) === "UNAUTHORIZED") return { kind: "signed-out" };
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[subscription] billing overview failed: ${message}`);
    return { kind: "error", message };
  }
}

/** Whether the workspace pays for a plan right now (so plan changes go through `changePlan`). */
export function hasPaidSubscription(overview: BillingOverview): boolean {
  const subscription = overview.subscription;
  return subscription !== null && subscription.plan !== "free" && (subscription.status === "active" || subscription.status === "trialing");
}
