import type { Database } from "../client.ts";
import { countAccounts } from "./account.ts";
import { countMembers } from "./workspace.ts";
import { countTemplates } from "./template.ts";

/** What a workspace uses of each thing its plan caps (monthly messages come with messaging). */
export async function getWorkspaceUsage(db: Database, params: { workspaceId: string }) {
  const [accounts, members, templates] = await Promise.all([
    countAccounts(db, params),
    countMembers(db, params),
    countTemplates(db, params),
  ]);
  return { accounts, members, templates, monthlyOutboundMessages: 0 };
}
