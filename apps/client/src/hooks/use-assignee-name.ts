import { m } from "@nexis/i18n/messages";
import { useCurrentUserId } from "./use-current-user.ts";
import { useMembers } from "./use-members.ts";

/** "You", a member's name, or null for an unassigned chat (or a member who has left). */
export function useAssigneeName(assigneeUserId: string | null): string | null {
  const myUserId = useCurrentUserId();
  const members = useMembers();
  if (!assigneeUserId) return null;
  if (assigneeUserId === myUserId) return m.person_you();
  return members.data?.find((member) => member.userId === assigneeUserId)?.name ?? null;
}
