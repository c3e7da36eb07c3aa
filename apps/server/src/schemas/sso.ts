import { z } from "zod";

/** A WorkOS organization id as its dashboard shows it (`org_` and a ULID). */
export const workosOrganizationIdSchema = z
  .string()
  .trim()
  .regex(/^org_[0-9A-Za-z]{1,64}$/, "A WorkOS organization id looks like org_01H…");

/** Links the active workspace to a WorkOS organization (null unlinks), with its "require SSO" policy. */
export const setWorkspaceSsoSchema = z.object({ organizationId: workosOrganizationIdSchema.nullable(), requireSso: z.boolean() });
export type SetWorkspaceSsoInput = z.infer<typeof setWorkspaceSsoSchema>;
