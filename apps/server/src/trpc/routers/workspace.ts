import * as workspaces from "@nexis/db/queries/workspace";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { createWorkspaceSchema, deleteWorkspaceSchema, renameWorkspaceSchema, setActiveWorkspaceSchema } from "../../schemas/workspace.ts";
import { audited } from "../audit.ts";
import { found } from "../errors.ts";
import { authedProcedure, requirePermission, workspaceProcedure } from "../init.ts";
import { workspaceSsoProcedures } from "./workspace-sso.ts";

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

  /** A new workspace owned by the caller, opened as the active one. */
  create: authedProcedure.input(createWorkspaceSchema).mutation(async ({ ctx, input }) => {
    const userId = ctx.session.user.id;
    const { id } = await workspaces.createWorkspace(ctx.db, { userId, name: input.name });
    await workspaces.setActiveWorkspace(ctx.db, { sessionId: ctx.session.session.id, userId, workspaceId: id });
    return found(await workspaces.getWorkspaceForMember(ctx.db, { userId, workspaceId: id }), "Workspace");
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

  /**
   * Deletes the active workspace with everything in it (owner only; the name must be typed
   * again). Sessions that had it open move to their next workspace. Its audit trail goes with it,
   * so the deletion itself is logged by the server.
   */
  delete: workspaceProcedure
    .use(requirePermission({ organization: ["delete"] }))
    .input(deleteWorkspaceSchema)
    .mutation(async ({ ctx, input }) => {
      const workspace = found(await workspaces.getWorkspaceForMember(ctx.db, { userId: ctx.session.user.id, workspaceId: ctx.workspaceId }), "Workspace");
      if (input.confirmName.trim() !== workspace.name) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Type the workspace's name exactly to delete it." });
      }
      await workspaces.deleteWorkspace(ctx.db, { workspaceId: ctx.workspaceId });
      ctx.logger.info(`workspace ${workspace.id} deleted by user ${ctx.session.user.id} from ${ctx.clientIp ?? "unknown IP"}`);
      const next = await workspaces.findDefaultWorkspaceId(ctx.db, { userId: ctx.session.user.id });
      return { deletedId: workspace.id, activeWorkspaceId: next ?? null };
    }),

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

  /** `sso` and `setSso`: the workspace's WorkOS organization link and its policy. */
  ...workspaceSsoProcedures,
} satisfies TRPCRouterRecord;
