import type { Database } from "@nexis/db";
import * as members from "@nexis/db/queries/member";
import { findMembership } from "@nexis/db/queries/workspace";
import { TRPCError } from "@trpc/server";
import { includesOwner } from "../../auth/permissions.ts";
import { found } from "../errors.ts";

/**
 * Locks what a role change or removal depends on and checks the rules every membership change
 * obeys: only owners touch owners (change their role, remove them, make someone owner), and a
 * workspace always keeps at least one owner. `newRole` is null for a removal. Call it inside the
 * change's transaction; returns the target member as it was.
 *
 * The owners' rows are locked first, always in the same order, then the target's: two owners
 * demoting each other at once run one after the other (no deadlock), and the second sees that
 * only one owner is left.
 */
export async function lockMembershipChange(
  tx: Database,
  params: { workspaceId: string; memberId: string; callerUserId: string; newRole: string | null },
) {
  const { workspaceId, newRole } = params;
  const owners = await members.lockOwners(tx, { workspaceId });
  // Read again under the lock: an owner demoted a moment ago must not act on the role they had.
  const callerRole = (await findMembership(tx, { userId: params.callerUserId, workspaceId }))?.role ?? "";
  const target = found(await members.getMemberForUpdate(tx, { workspaceId, id: params.memberId }), "Member");
  const targetIsOwner = includesOwner(target.role);
  if (!includesOwner(callerRole) && (targetIsOwner || (newRole !== null && includesOwner(newRole)))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only an owner can change an owner's membership or make someone an owner." });
  }
  const losesOwner = targetIsOwner && (newRole === null || !includesOwner(newRole));
  if (losesOwner && owners.length <= 1) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A workspace needs at least one owner: make another member an owner first." });
  }
  return target;
}
