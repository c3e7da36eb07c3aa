import { t } from "./core.ts";
import { mapDatabaseErrors } from "./middleware/errors.ts";
import { limitMutations } from "./middleware/rate-limit.ts";
import { requireSession } from "./middleware/session.ts";
import { requireWorkspace, requireWorkspaceForRead } from "./middleware/workspace.ts";

export type { Context } from "./context.ts";
export { requirePermission } from "./middleware/role.ts";
export { assertAccountWithinPlan, assertRoomForMember, assertTemplateWithinPlan, enforcePlanLimit } from "./middleware/plan-limit.ts";

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** For procedures anyone may call, signed in or not (health, public catalogue reads). Mutations are rate-limited. */
export const publicProcedure = t.procedure.use(mapDatabaseErrors).use(limitMutations);

/** For procedures about the caller themself (their workspaces): needs a valid session. */
export const authedProcedure = publicProcedure.use(requireSession);

/**
 * For everything inside a workspace: the caller must be a member of the session's active
 * workspace; `ctx.workspaceId` and `ctx.role` are set. Every query must filter by
 * `ctx.workspaceId`. Add `requirePermission(...)` for anything the agent role may not do.
 */
export const workspaceProcedure = authedProcedure.use(requireWorkspace);

/**
 * For reads every role may make (the inbox's chats, messages and search): as `workspaceProcedure`
 * but without `ctx.role`, and the read runs while membership is checked (`requireWorkspaceForRead`).
 */
export const memberReadProcedure = authedProcedure.use(requireWorkspaceForRead);
