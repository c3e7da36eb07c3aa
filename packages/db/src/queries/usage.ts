import type { Database } from "../client.ts";
import { countAccounts } from "./account.ts";
import { countMonthlyOutboundMessages } from "./message.ts";
import { countMembers } from "./workspace.ts";
import { countTemplates } from "./template.ts";

/** What a workspace uses of each thing its plan caps. */
export async function getWorkspaceUsage(db: Database, params: { workspaceId: string }) {
  const [accounts, members, templates, monthlyOutboundMessages] = await Promise.all([
    countAccounts(db, params),
    countMembers(db, params),
    countTemplates(db, params),
    countMonthlyOutboundMessages(db, params),
  ]);
  return { accounts, members, templates, monthlyOutboundMessages };
}
