import { and, eq, not, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { member } from "../schema/auth.ts";
import { workspaceSso } from "../schema/workspace-sso.ts";

/** A workspace's WorkOS link and policy, or undefined when it has none. */
export async function getWorkspaceSso(db: Database, params: { workspaceId: string }) {
  const [row] = await db
    .select({ organizationId: workspaceSso.workosOrganizationId, requireSso: workspaceSso.requireSso })
    .from(workspaceSso)
    .where(eq(workspaceSso.workspaceId, params.workspaceId));
  return row;
}

/**
 * Links the workspace to a WorkOS organization (or unlinks it with `organizationId: null`).
 * A unique index keeps one organization to one workspace: a second link raises 23505.
 */
export async function setWorkspaceSso(db: Database, params: { workspaceId: string; organizationId: string | null; requireSso: boolean }) {
  if (params.organizationId === null) {
    await db.delete(workspaceSso).where(eq(workspaceSso.workspaceId, params.workspaceId));
    return;
  }
  const values = { workosOrganizationId: params.organizationId, requireSso: params.requireSso };
  await db
    .insert(workspaceSso)
    .values({ workspaceId: params.workspaceId, ...values })
    .onConflictDoUpdate({ target: workspaceSso.workspaceId, set: values });
}

/** The workspace a WorkOS organization is linked to. */
export async function findWorkspaceByWorkosOrganization(db: Database, params: { organizationId: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ workspaceId: workspaceSso.workspaceId })
    .from(workspaceSso)
    .where(eq(workspaceSso.workosOrganizationId, params.organizationId));
  return row?.workspaceId;
}

/**
 * The workspaces whose SSO policy binds a user: they belong to it, other than as an owner, and it
 * requires SSO. Owners are exempt so a broken WorkOS setup cannot lock everyone out.
 */
export async function listSsoRequiringWorkspaces(db: Database, params: { userId: string }): Promise<string[]> {
  const rows = await db
    .select({ workspaceId: member.organizationId })
    .from(member)
    .innerJoin(workspaceSso, eq(workspaceSso.workspaceId, member.organizationId))
    .where(and(eq(member.userId, params.userId), eq(workspaceSso.requireSso, true), not(sql`${member.role} like '%owner%'`)));
  return rows.map((row) => row.workspaceId);
}

/** Adds a user to a workspace with the agent role; false when they were already a member. */
export async function joinWorkspaceAsAgent(db: Database, params: { userId: string; workspaceId: string }): Promise<boolean> {
  const [existing] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.userId, params.userId), eq(member.organizationId, params.workspaceId)));
  if (existing) return false;
  await db.insert(member).values({ id: crypto.randomUUID(), organizationId: params.workspaceId, userId: params.userId, role: "agent", createdAt: new Date() });
  return true;
}
