import { recordAudit } from "@nexis/db/queries/audit";
import * as members from "@nexis/db/queries/member";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { includesOwner } from "../../auth/permissions.ts";
import { acceptInvitationSchema, changeMemberRoleSchema, inviteMemberSchema, removeMemberSchema } from "../../schemas/member.ts";
import { audited } from "../audit.ts";
import { callAuthApi } from "../auth-api.ts";
import { found } from "../errors.ts";
import { assertRoomForMember, authedProcedure, enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";
import { lockMembershipChange } from "./member.rules.ts";

/**
 * The active workspace's members and invitations. Inviting and accepting go through Better
 * Auth's organization API (it sends the email and opens the workspace on accept); role changes
 * and removals are our own queries, so the last-owner check, the change and its audit row
 * share one transaction.
 */
export const memberRouter = {
  /** Members (name, email, role) and the invitations still pending. */
  list: workspaceProcedure.query(async ({ ctx }) => ({
    members: await members.listMembers(ctx.db, { workspaceId: ctx.workspaceId }),
    invitations: await members.listPendingInvitations(ctx.db, { workspaceId: ctx.workspaceId }),
  })),

  invite: workspaceProcedure
    .use(requirePermission({ invitation: ["create"] }))
    .input(inviteMemberSchema)
    .use(enforcePlanLimit("members"))
    .mutation(async ({ ctx, input }) => {
      if (includesOwner(input.role) && !includesOwner(ctx.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Only an owner can invite an owner." });
      }
      const invitation = await callAuthApi(() =>
        ctx.auth.api.createInvitation({ headers: ctx.headers, body: { email: input.email, role: input.role, organizationId: ctx.workspaceId } }),
      );
      // After the fact: Better Auth wrote the invitation on its own connection.
      await recordAudit(ctx.db, {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.session.user.id,
        ipAddress: ctx.clientIp,
        action: "member.invite",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, role: invitation.role },
      });
      return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
    }),

  /** Joins the invitation's workspace (and makes it active) when it was sent to the caller's email. */
  accept: authedProcedure.input(acceptInvitationSchema).mutation(async ({ ctx, input }) => {
    const invitation = await members.findInvitation(ctx.db, { id: input.invitationId });
    // Someone else's invitation answers like a missing one: its existence is not the caller's business.
    if (!invitation || invitation.email.toLowerCase() !== ctx.session.user.email.toLowerCase()) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Invitation not found." });
    }
    if (invitation.status !== "pending" || invitation.expiresAt < new Date()) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This invitation is ${invitation.status === "pending" ? "expired" : invitation.status}; ask for a new one.` });
    }
    // Sent before a downgrade: the workspace may be full now.
    await assertRoomForMember(ctx, invitation.workspaceId);
    const accepted = await callAuthApi(() => ctx.auth.api.acceptInvitation({ headers: ctx.headers, body: { invitationId: invitation.id } }));
    if (!accepted?.member) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The invitation could not be accepted." });
    await recordAudit(ctx.db, {
      workspaceId: invitation.workspaceId,
      actorUserId: ctx.session.user.id,
      ipAddress: ctx.clientIp,
      action: "member.accept",
      targetType: "member",
      targetId: accepted.member.id,
      metadata: { invitationId: invitation.id, role: accepted.member.role },
    });
    return { workspaceId: invitation.workspaceId, memberId: accepted.member.id, role: accepted.member.role };
  }),

  changeRole: workspaceProcedure
    .use(requirePermission({ member: ["update"] }))
    .input(changeMemberRoleSchema)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        async (tx) => {
          const target = await lockMembershipChange(tx, { workspaceId: ctx.workspaceId, memberId: input.id, callerUserId: ctx.session.user.id, newRole: input.role });
          const updated = found(await members.setMemberRole(tx, { workspaceId: ctx.workspaceId, id: input.id, role: input.role }), "Member");
          return { ...updated, previousRole: target.role };
        },
        (member) => ({ action: "member.role-change", targetType: "member", targetId: member.id, metadata: { userId: member.userId, from: member.previousRole, to: member.role } }),
      ),
    ),

  remove: workspaceProcedure
    .use(requirePermission({ member: ["delete"] }))
    .input(removeMemberSchema)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        async (tx) => {
          await lockMembershipChange(tx, { workspaceId: ctx.workspaceId, memberId: input.id, callerUserId: ctx.session.user.id, newRole: null });
          return found(await members.deleteMember(tx, { workspaceId: ctx.workspaceId, id: input.id }), "Member");
        },
        (member) => ({ action: "member.remove", targetType: "member", targetId: member.id, metadata: { userId: member.userId, role: member.role } }),
      ),
    ),
} satisfies TRPCRouterRecord;
