import { findMembership } from "@nexis/db/queries/workspace";
import { TRPCError } from "@trpc/server";
import { t } from "../core.ts";

/**
 * Resolves the session's active workspace and the caller's role in it. Refuses when there is no
 * active workspace or the caller is no longer a member of it (removed since the session began).
 */
export const requireWorkspace = t.middleware(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const workspaceId = session.session.activeOrganizationId;
  if (!workspaceId) throw new TRPCError({ code: "FORBIDDEN", message: "Choose a workspace first." });
  const membership = await findMembership(ctx.db, { userId: session.user.id, workspaceId });
  if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace." });
  return next({ ctx: { session, workspaceId, role: membership.role } });
});
