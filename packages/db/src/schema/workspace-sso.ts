import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, workspaceId } from "./columns.ts";

/**
 * A workspace's link to a WorkOS organization: people signing in through that organization join
 * the workspace. One organization maps to at most one workspace; `requireSso` refuses any other
 * sign-in to the workspace's members (except owners, who keep a way in if SSO breaks).
 */
export const workspaceSso = pgTable(
  "workspace_sso",
  {
    workspaceId: workspaceId().primaryKey(),
    workosOrganizationId: text().notNull(),
    requireSso: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("workspace_sso_workos_organization_unique").on(table.workosOrganizationId)],
);
