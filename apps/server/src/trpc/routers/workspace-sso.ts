import { getWorkspaceSso, setWorkspaceSso } from "@nexis/db/queries/sso";
import { getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { getPlan } from "@nexis/plans";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { setWorkspaceSsoSchema } from "../../schemas/sso.ts";
import { audited } from "../audit.ts";
import { isUniqueViolation, PlanLimitError } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

/** The workspace's WorkOS link (`auth/workos`): part of `workspace`, for owners and admins. */
export const workspaceSsoProcedures = {
  /** The link, its policy, and whether the plan includes SSO (the settings show an upgrade link otherwise). */
  sso: workspaceProcedure.use(requirePermission({ organization: ["update"] })).query(async ({ ctx }) => {
    const [link, planId] = await Promise.all([getWorkspaceSso(ctx.db, { workspaceId: ctx.workspaceId }), getWorkspacePlanId(ctx.db, { workspaceId: ctx.workspaceId })]);
    const planIncludesSso = getPlan(planId).features.sso;
    return { organizationId: link?.organizationId ?? null, requireSso: link?.requireSso ?? false, planIncludesSso, upgradeUrl: planIncludesSso ? null : ctx.upgradeUrl };
  }),

  /**
   * Links the workspace to a WorkOS organization (its people join as agents when they sign in
   * through it) or unlinks it with null. Needs a plan with SSO; an organization links one workspace.
   */
  setSso: workspaceProcedure
    .use(requirePermission({ organization: ["update"] }))
    .input(setWorkspaceSsoSchema)
    .mutation(async ({ ctx, input }) => {
      const plan = getPlan(await getWorkspacePlanId(ctx.db, { workspaceId: ctx.workspaceId }));
      if (input.organizationId !== null && !plan.features.sso) {
        const cause = new PlanLimitError({ code: "PLAN_LIMIT", limit: 0, used: 0, plan: plan.id, upgradeUrl: ctx.upgradeUrl });
        throw new TRPCError({ code: "FORBIDDEN", message: `SSO is not included in the ${plan.name} plan. Upgrade to link a WorkOS organization.`, cause });
      }
      const link = { organizationId: input.organizationId, requireSso: input.organizationId === null ? false : input.requireSso };
      try {
        await audited(
          ctx,
          (tx) => setWorkspaceSso(tx, { workspaceId: ctx.workspaceId, ...link }),
          () => ({ action: "workspace.sso-change", targetType: "workspace", targetId: ctx.workspaceId, metadata: link }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new TRPCError({ code: "CONFLICT", message: "This WorkOS organization is already linked to another workspace." });
        throw error;
      }
      return link;
    }),
} satisfies TRPCRouterRecord;
