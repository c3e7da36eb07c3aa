import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Database } from "../client.ts";
import { invitation, member, user } from "../schema/auth.ts";

const memberColumns = {
  id: member.id,
  userId: member.userId,
  role: member.role,
  createdAt: member.createdAt,
  name: user.name,
  email: user.email,
};

const inWorkspace = (workspaceId: string, id: string) => and(eq(member.organizationId, workspaceId), eq(member.id, id));
const pendingIn = (workspaceId: string) =>
  and(eq(invitation.organizationId, workspaceId), eq(invitation.status, "pending"), gt(invitation.expiresAt, new Date()));

/** The workspace's members with their name and email, oldest first. */
export async function listMembers(db: Database, params: { workspaceId: string }) {
  return db
    .select(memberColumns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, params.workspaceId))
    .orderBy(asc(member.createdAt), asc(user.email));
}

/** Invitations still waiting for an answer (pending and not expired), oldest first. */
export async function listPendingInvitations(db: Database, params: { workspaceId: string }) {
  return db
    .select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, createdAt: invitation.createdAt })
    .from(invitation)
    .where(pendingIn(params.workspaceId))
    .orderBy(asc(invitation.createdAt));
}

/** What the `members` plan limit counts: members plus the invitations that may still become members. */
export async function countMembersAndPendingInvitations(db: Database, params: { workspaceId: string }): Promise<number> {
  const [members] = await db.select({ value: count() }).from(member).where(eq(member.organizationId, params.workspaceId));
  const [pending] = await db.select({ value: count() }).from(invitation).where(pendingIn(params.workspaceId));
  return (members?.value ?? 0) + (pending?.value ?? 0);
}

/** An invitation by id, in any workspace: its recipient is not a member yet. */
export async function findInvitation(db: Database, params: { id: string }) {
  const [row] = await db
    .select({
      id: invitation.id,
      workspaceId: invitation.organizationId,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .where(eq(invitation.id, params.id))
    .limit(1);
  return row;
}

/** A member of the workspace, its row locked until the transaction ends (a concurrent change of it waits). */
export async function getMemberForUpdate(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ id: member.id, userId: member.userId, role: member.role })
    .from(member)
    .where(inWorkspace(params.workspaceId, params.id))
    .for("update");
  return row;
}

/**
 * The workspace's owners, their rows locked until the transaction ends, in id order so that
 * concurrent callers lock them in the same order.
 */
export async function lockOwners(db: Database, params: { workspaceId: string }) {
  return db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, params.workspaceId), eq(member.role, "owner")))
    .orderBy(asc(member.id))
    .for("update");
}

export async function setMemberRole(db: Database, params: { workspaceId: string; id: string; role: string }) {
  const [row] = await db
    .update(member)
    .set({ role: params.role })
    .where(inWorkspace(params.workspaceId, params.id))
    .returning({ id: member.id, userId: member.userId, role: member.role });
  return row;
}

export async function deleteMember(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db
    .delete(member)
    .where(inWorkspace(params.workspaceId, params.id))
    .returning({ id: member.id, userId: member.userId, role: member.role });
  return row;
}
