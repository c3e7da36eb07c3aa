import { z } from "zod";
import { idSchema } from "./common.ts";

/** The workspace roles (the matrix in `auth/permissions.ts`). */
export const roleSchema = z.enum(["owner", "admin", "agent"]);
export type RoleInput = z.infer<typeof roleSchema>;

export const inviteMemberSchema = z.object({
  // Stored lowercased, as Better Auth compares it with the signing-in user's email.
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  role: roleSchema,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const acceptInvitationSchema = z.object({ invitationId: idSchema });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const changeMemberRoleSchema = z.object({ id: idSchema, role: roleSchema });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ id: idSchema });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
