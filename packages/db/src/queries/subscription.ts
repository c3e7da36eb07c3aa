import { eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { subscription } from "../schema/subscription.ts";

/**
 * The plan a workspace is on: its subscription's plan while active or trialing, otherwise
 * `free` (no subscription row yet, or a lapsed one).
 */
export async function getWorkspacePlanId(db: Database, params: { workspaceId: string }): Promise<"free" | "pro" | "business"> {
  const [row] = await db
    .select({ plan: subscription.plan, status: subscription.status })
    .from(subscription)
    .where(eq(subscription.workspaceId, params.workspaceId));
  if (!row || (row.status !== "active" && row.status !== "trialing")) return "free";
  return row.plan;
}

/** The workspace's subscription row (absent on Free until a checkout creates one). */
export async function getSubscription(db: Database, params: { workspaceId: string }) {
  const [row] = await db
    .select({
      plan: subscription.plan,
      interval: subscription.interval,
      status: subscription.status,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    })
    .from(subscription)
    .where(eq(subscription.workspaceId, params.workspaceId));
  return row;
}
