import { findMembership } from "@nexis/db/queries/workspace";
import { TRPCError } from "@trpc/server";
import type { AuthSession } from "../../auth/auth.ts";
import { t } from "../core.ts";

const notAMember = () => new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace." });

/** The session's active workspace; refuses a signed-out caller or a session without one. */
function activeWorkspace(session: AuthSession | null): { session: AuthSession; workspaceId: string } {
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const workspaceId = session.session.activeOrganizationId;
  if (!workspaceId) throw new TRPCError({ code: "FORBIDDEN", message: "Choose a workspace first." });
  return { session, workspaceId };
}

/**
 * Resolves the session's active workspace and the caller's role in it. Refuses when there is no
 * active workspace or the caller is no longer a member of it (removed since the session began).
 */
export const requireWorkspace = t.middleware(async ({ ctx, next }) => {
  const { session, workspaceId } = activeWorkspace(ctx.session);
  const membership = await findMembership(ctx.db, { userId: session.user.id, workspaceId });
  if (!membership) throw notAMember();
  return next({ ctx: { session, workspaceId, role: membership.role } });
});

/**
 * For reads every role may make: the read runs while membership is checked (one round trip
 * sooner on the inbox's hottest calls), and its answer is replaced by the same refusal as
 * `requireWorkspace`'s when the caller is not a member. Queries only: a read changes nothing, so
 * there is nothing to undo; no role is set.
 */
export const requireWorkspaceForRead = t.middleware(async ({ ctx, next, type }) => {
  if (type !== "query") throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "A member read must be a query." });
  const { session, workspaceId } = activeWorkspace(ctx.session);
  const membership = findMembership(ctx.db, { userId: session.user.id, workspaceId });
  // Awaited below; a failure must not count as unhandled while the read runs.
  membership.catch(() => undefined);
  const result = await next({ ctx: { session, workspaceId } });
  if (!(await membership)) throw notAMember();
  return result;
});
