import * as workspaces from "@nexis/db/queries/workspace";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { renameWorkspaceSchema, setActiveWorkspaceSchema } from "../../schemas/workspace.ts";
import { audited } from "../audit.ts";
import { found } from "../errors.ts";
import { authedProcedure, requirePermission, workspaceProcedure } from "../init.ts";

/** Workspaces (Better Auth organizations) as the caller sees them. */
export const workspaceRouter = {
  /** The active workspace, with the caller's role in it. */
  get: workspaceProcedure.query(async ({ ctx }) =>
    found(await workspaces.getWorkspaceForMember(ctx.db, { userId: ctx.session.user.id, workspaceId: ctx.workspaceId }), "Workspace"),
  ),

  /** Every workspace the caller belongs to, with their role and which one is active. */
  listMine: authedProcedure.query(async ({ ctx }) => {
    const rows = await workspaces.listWorkspacesForUser(ctx.db, { userId: ctx.session.user.id });
    return rows.map((row) => ({ ...row, active: row.id === ctx.session.session.activeOrganizationId }));
  }),

  rename: workspaceProcedure
    .use(requirePermission({ organization: ["update"] }))
    .input(renameWorkspaceSchema)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        async (tx) => found(await workspaces.renameWorkspace(tx, { workspaceId: ctx.workspaceId, name: input.name }), "Workspace"),
        (workspace) => ({ action: "workspace.rename", targetType: "workspace", targetId: workspace.id, metadata: { name: workspace.name } }),
      ),
    ),

  /** Switches the session to another of the caller's workspaces. */
  setActive: authedProcedure.input(setActiveWorkspaceSchema).mutation(async ({ ctx, input }) => {
    const changed = await workspaces.setActiveWorkspace(ctx.db, {
      sessionId: ctx.session.session.id,
      userId: ctx.session.user.id,
      workspaceId: input.workspaceId,
    });
    if (!changed) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
    return { workspaceId: input.workspaceId };
  }),
} satisfies TRPCRouterRecord;
