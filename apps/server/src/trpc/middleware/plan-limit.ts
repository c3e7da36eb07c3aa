import type { Database } from "@nexis/db";
import { accountRank, countAccounts } from "@nexis/db/queries/account";
import { countMembersAndPendingInvitations } from "@nexis/db/queries/member";
import { countMonthlyOutboundMessages } from "@nexis/db/queries/message";
import { getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { countTemplates } from "@nexis/db/queries/template";
import { templateRank } from "@nexis/db/queries/usage";
import { countMembers } from "@nexis/db/queries/workspace";
import { getPlan, type LimitKey, type Plan } from "@nexis/plans";
import { experimental_standaloneMiddleware, TRPCError } from "@trpc/server";
import { PlanLimitError } from "../errors.ts";

type Counter = (db: Database, params: { workspaceId: string }) => Promise<number>;

/** How many of each capped thing a workspace has now, and what to call it in a message. */
const counters = {
  accounts: { count: countAccounts, one: "linked number", many: "linked numbers" },
  templates: { count: countTemplates, one: "template", many: "templates" },
  // Pending invitations count too: each may become a member without another check here.
  members: { count: countMembersAndPendingInvitations, one: "member", many: "members" },
  // For sending (the messaging pipeline): counted from this month's messages sent through us.
  monthlyOutboundMessages: { count: countMonthlyOutboundMessages, one: "message a month", many: "messages a month" },
} satisfies Record<LimitKey, { count: Counter; one: string; many: string }>;

/**
 * Refuses a create that would pass the workspace plan's limit on `key`, with FORBIDDEN and a
 * typed `PLAN_LIMIT` cause (limit, used, plan, upgradeUrl). Use after `workspaceProcedure`.
 */
export function enforcePlanLimit(key: keyof typeof counters) {
  const counter = counters[key];
  return experimental_standaloneMiddleware<{ ctx: { db: Database; workspaceId: string; upgradeUrl: string } }>().create(
    async ({ ctx, next }) => {
      const plan = getPlan(await getWorkspacePlanId(ctx.db, { workspaceId: ctx.workspaceId }));
      const limit = plan.limits[key];
      if (limit !== null) {
        const used = await counter.count(ctx.db, { workspaceId: ctx.workspaceId });
        if (used >= limit) {
          const cause = new PlanLimitError({ code: "PLAN_LIMIT", limit, used, plan: plan.id, upgradeUrl: ctx.upgradeUrl });
          throw new TRPCError({ code: "FORBIDDEN", message: `Your ${plan.name} plan allows ${limit} ${limit === 1 ? counter.one : counter.many}. Upgrade to add more.`, cause });
        }
      }
      return next();
    },
  );
}

type PlanContext = { db: Database; workspaceId: string; upgradeUrl: string };

/** FORBIDDEN with the typed PLAN_LIMIT cause, which the client shows with its upgrade link. */
function planLimitError(ctx: PlanContext, plan: Plan, limit: number, used: number, message: string) {
  const cause = new PlanLimitError({ code: "PLAN_LIMIT", limit, used, plan: plan.id, upgradeUrl: ctx.upgradeUrl });
  return new TRPCError({ code: "FORBIDDEN", message, cause });
}

/**
 * Refuses to edit or use a template beyond the plan's template limit: after a downgrade nothing
 * is deleted, the oldest templates up to the limit keep working and the others are read-only
 * (they can still be read and deleted) until an upgrade.
 */
export async function assertTemplateWithinPlan(ctx: PlanContext, templateId: string) {
  const plan = getPlan(await getWorkspacePlanId(ctx.db, { workspaceId: ctx.workspaceId }));
  const limit = plan.limits.templates;
  if (limit === null) return;
  const rank = await templateRank(ctx.db, { workspaceId: ctx.workspaceId, id: templateId });
  if (rank > limit) {
    const used = await countTemplates(ctx.db, { workspaceId: ctx.workspaceId });
    throw planLimitError(ctx, plan, limit, used, `Your ${plan.name} plan includes ${limit} templates; this one is read-only until you upgrade (or delete older ones).`);
  }
}

/**
 * Refuses to let one more member join a workspace at its plan's member limit (accepting an
 * invitation sent before a downgrade). Members already in keep their access: nobody is removed
 * or locked out by a downgrade; the owner chooses whom to remove.
 */
export async function assertRoomForMember(ctx: Omit<PlanContext, "workspaceId">, workspaceId: string) {
  const plan = getPlan(await getWorkspacePlanId(ctx.db, { workspaceId }));
  const limit = plan.limits.members;
  if (limit === null) return;
  const used = await countMembers(ctx.db, { workspaceId });
  if (used >= limit) {
    throw planLimitError({ ...ctx, workspaceId }, plan, limit, used, `This workspace's ${plan.name} plan allows ${limit} members and it is full. Ask its owner to upgrade or remove a member.`);
  }
}

/**
 * Refuses to send from a number beyond the plan's account limit (after a downgrade nothing is
 * deleted: the numbers linked first keep working, the others are read-only until an upgrade).
 */
export async function assertAccountWithinPlan(ctx: { db: Database; workspaceId: string; upgradeUrl: string }, accountId: string) {
  const plan = getPlan(await getWorkspacePlanId(ctx.db, { workspaceId: ctx.workspaceId }));
  const limit = plan.limits.accounts;
  if (limit === null) return;
  const rank = await accountRank(ctx.db, { workspaceId: ctx.workspaceId, id: accountId });
  if (rank > limit) {
    const used = await countAccounts(ctx.db, { workspaceId: ctx.workspaceId });
    const cause = new PlanLimitError({ code: "PLAN_LIMIT", limit, used, plan: plan.id, upgradeUrl: ctx.upgradeUrl });
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Your ${plan.name} plan includes ${limit} ${limit === 1 ? "number" : "numbers"}; this one is read-only until you upgrade.`,
      cause,
    });
  }
}
