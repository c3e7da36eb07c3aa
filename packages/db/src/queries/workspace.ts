import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { preparedPerDatabase } from "../prepared.ts";
import { member, organization, session } from "../schema/auth.ts";

/**
 * Creates a workspace (a Better Auth organization) with the user as its owner. The personal one
 * made at sign-up also becomes active in the user's sessions that have none (Better Auth's
 * user-creation hook runs after sign-up has already opened the first session).
 */
export async function createWorkspace(db: Database, params: { userId: string; name: string; personal?: boolean }) {
  const workspaceId = crypto.randomUUID();
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(organization).values({
      id: workspaceId,
      name: params.name,
      slug: `${params.personal ? "personal" : "workspace"}-${workspaceId}`,
      createdAt: now,
      metadata: JSON.stringify({ personal: params.personal ?? false }),
    });
    await tx.insert(member).values({
      id: crypto.randomUUID(),
      organizationId: workspaceId,
      userId: params.userId,
      role: "owner",
      createdAt: now,
    });
    if (params.personal) {
      await tx
        .update(session)
        .set({ activeOrganizationId: workspaceId })
        .where(and(eq(session.userId, params.userId), isNull(session.activeOrganizationId)));
    }
  });
  return { id: workspaceId };
}

/**
 * Deletes a workspace with everything in it (every workspace row cascades from the organization).
 * Sessions that had it active switch to their user's next-oldest workspace, or to none.
 */
export async function deleteWorkspace(db: Database, params: { workspaceId: string }) {
  return db.transaction(async (tx) => {
    const nextWorkspace = sql`(
      select ${member.organizationId} from ${member}
      where ${member.userId} = ${session.userId} and ${member.organizationId} <> ${params.workspaceId}
      order by ${member.createdAt} limit 1
    )`;
    await tx.update(session).set({ activeOrganizationId: nextWorkspace }).where(eq(session.activeOrganizationId, params.workspaceId));
    const [row] = await tx.delete(organization).where(eq(organization.id, params.workspaceId)).returning({ id: organization.id, name: organization.name });
    return row;
  });
}

/** The workspace a new session opens: the user's oldest membership (normally the personal one). */
export async function findDefaultWorkspaceId(db: Database, params: { userId: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ organizationId: member.organizationId })
    .from(member)
    .where(eq(member.userId, params.userId))
    .orderBy(asc(member.createdAt))
    .limit(1);
  return row?.organizationId;
}

/** Checked on every call to a workspace's procedures. */
const membership = preparedPerDatabase((db) =>
  db
    .select({ id: member.id, role: member.role })
    .from(member)
    .where(and(eq(member.userId, sql.placeholder("userId")), eq(member.organizationId, sql.placeholder("workspaceId"))))
    .limit(1)
    .prepare("find_membership"),
);

/** The caller's membership of a workspace, or undefined when not a member. */
export async function findMembership(db: Database, params: { userId: string; workspaceId: string }) {
  const [row] = await membership(db).execute(params);
  return row;
}

const workspaceColumns = {
  id: organization.id,
  name: organization.name,
  slug: organization.slug,
  logo: organization.logo,
  createdAt: organization.createdAt,
};

/** One workspace with the caller's role in it; undefined when the user is not a member. */
export async function getWorkspaceForMember(db: Database, params: { userId: string; workspaceId: string }) {
  const [row] = await db
    .select({ ...workspaceColumns, role: member.role })
    .from(organization)
    .innerJoin(member, eq(member.organizationId, organization.id))
    .where(and(eq(organization.id, params.workspaceId), eq(member.userId, params.userId)))
    .limit(1);
  return row;
}

/** Every workspace the user belongs to, oldest membership first, with the user's role. */
export async function listWorkspacesForUser(db: Database, params: { userId: string }) {
  return db
    .select({ ...workspaceColumns, role: member.role })
    .from(organization)
    .innerJoin(member, eq(member.organizationId, organization.id))
    .where(eq(member.userId, params.userId))
    .orderBy(asc(member.createdAt), asc(organization.name));
}

export async function renameWorkspace(db: Database, params: { workspaceId: string; name: string }) {
  const [row] = await db
    .update(organization)
    .set({ name: params.name })
    .where(eq(organization.id, params.workspaceId))
    .returning(workspaceColumns);
  return row;
}

/**
 * Makes `workspaceId` the session's active workspace, only when the session's user is a member.
 * Returns false (and changes nothing) otherwise.
 */
export async function setActiveWorkspace(db: Database, params: { sessionId: string; userId: string; workspaceId: string }) {
  const membership = await findMembership(db, params);
  if (!membership) return false;
  const updated = await db
    .update(session)
    .set({ activeOrganizationId: params.workspaceId })
    .where(and(eq(session.id, params.sessionId), eq(session.userId, params.userId)))
    .returning({ id: session.id });
  return updated.length === 1;
}

export async function countMembers(db: Database, params: { workspaceId: string }): Promise<number> {
  const [row] = await db.select({ value: count() }).from(member).where(eq(member.organizationId, params.workspaceId));
  return row?.value ?? 0;
}
