import type { Database } from "@nexis/db";
import { getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { findWorkspaceByWorkosOrganization, joinWorkspaceAsAgent } from "@nexis/db/queries/sso";
import { countMembers, findMembership } from "@nexis/db/queries/workspace";
import { getPlan } from "@nexis/plans";
import type { GenericEndpointContext, User } from "better-auth";
import { SsoError } from "./errors.ts";

/** The provider id of the `account` rows that link local users to WorkOS users. */
export const workosProviderId = "workos";

/** What WorkOS tells us about the person signing in (`authenticateWithCode`). */
export interface WorkosProfile {
  id: string;
  email: string;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  profilePictureUrl: string | null;
}

/**
 * The local user for a WorkOS sign-in, created or linked, and the workspace its organization maps
 * to, joined as an agent. Every refusal is checked before anything is written.
 */
export async function provisionSsoUser(ctx: GenericEndpointContext, db: Database, params: { profile: WorkosProfile; organizationId: string | undefined }) {
  const { profile } = params;
  const adapter = ctx.context.internalAdapter;
  const workspaceId = params.organizationId ? await linkedWorkspace(db, params.organizationId) : undefined;

  const owner = await adapter.findAccountOwnerByKey({ providerId: workosProviderId, accountId: profile.id });
  let user: User | null = owner?.kind === "owned" ? owner.user : null;
  const linked = user !== null;
  if (!user) {
    // Matching by email trusts WorkOS's word that the address is the person's.
    if (!profile.emailVerified) throw new SsoError("sso_email_unverified", "WorkOS has not verified this email address.");
    user = (await adapter.findUserByEmail(profile.email.toLowerCase()))?.user ?? null;
  }

  if (workspaceId && !(user && (await findMembership(db, { userId: user.id, workspaceId })))) await assertRoom(db, workspaceId);

  if (!user) {
    // Better Auth's user hook gives them a personal workspace, like any sign-up.
    user = await adapter.createUser(
      { email: profile.email.toLowerCase(), name: displayName(profile), image: profile.profilePictureUrl, emailVerified: true },
      { method: "oauth", oauth: { providerId: workosProviderId } },
    );
  } else if (!linked && !user.emailVerified) {
    // Someone may have registered this address with a password they know before its owner came
    // through SSO: that unproven password and its sessions go, and the owner can set a new one.
    const credential = await adapter.findCredentialAccount(user.id);
    if (credential) await adapter.deleteAccount(credential.id);
    await adapter.deleteUserSessions(user.id);
  }
  if (!linked) {
    await adapter.linkAccount({ providerId: workosProviderId, accountId: profile.id, userId: user.id });
    if (!user.emailVerified) user = await adapter.updateUser(user.id, { emailVerified: true });
  }
  if (workspaceId) await joinWorkspaceAsAgent(db, { userId: user.id, workspaceId });
  return { user, workspaceId };
}

/** The workspace an organization is linked to, while its plan includes SSO. */
async function linkedWorkspace(db: Database, organizationId: string): Promise<string> {
  const workspaceId = await findWorkspaceByWorkosOrganization(db, { organizationId });
  if (!workspaceId) throw new SsoError("sso_no_workspace", "No workspace is linked to this WorkOS organization.");
  if (!getPlan(await getWorkspacePlanId(db, { workspaceId })).features.sso) {
    throw new SsoError("sso_not_in_plan", "This workspace's plan no longer includes SSO.");
  }
  return workspaceId;
}

/** Refuses a new member when the workspace is at its plan's member limit. */
async function assertRoom(db: Database, workspaceId: string) {
  const limit = getPlan(await getWorkspacePlanId(db, { workspaceId })).limits.members;
  if (limit !== null && (await countMembers(db, { workspaceId })) >= limit) {
    throw new SsoError("sso_workspace_full", "This workspace has reached its plan's member limit.");
  }
}

function displayName(profile: WorkosProfile): string {
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(" ").trim();
  return name || profile.email.split("@")[0] || profile.email;
}
