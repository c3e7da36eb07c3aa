import { getSubscription, getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { getWorkspaceUsage } from "@nexis/db/queries/usage";
import { getPlan } from "@nexis/plans";
import type { TRPCRouterRecord } from "@trpc/server";
import { workspaceProcedure } from "../init.ts";

/** The workspace's plan and its usage; checkout and billing come with the billing issue. */
export const subscriptionRouter = {
  /** The current plan (limits, features), the subscription's state, usage and where to upgrade. */
  current: workspaceProcedure.query(async ({ ctx }) => {
    const params = { workspaceId: ctx.workspaceId };
    const [planId, subscription, usage] = await Promise.all([
      getWorkspacePlanId(ctx.db, params),
      getSubscription(ctx.db, params),
      getWorkspaceUsage(ctx.db, params),
    ]);
    return { plan: getPlan(planId), subscription: subscription ?? null, usage, upgradeUrl: ctx.upgradeUrl };
  }),
} satisfies TRPCRouterRecord;
