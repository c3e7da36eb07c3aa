import { and, count, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { template } from "../schema/template.ts";
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

/**
 * A template's place among the workspace's templates, oldest first (1 = the oldest); 0 when it is
 * not one of them. After a downgrade the oldest ones up to the plan's limit stay usable. Compared
 * in SQL: a JS Date would drop Postgres' microseconds and misplace templates made in the same ms.
 */
export async function templateRank(db: Database, params: { workspaceId: string; id: string }): Promise<number> {
  const target = db
    .select({ createdAt: template.createdAt, id: template.id })
    .from(template)
    .where(and(eq(template.workspaceId, params.workspaceId), eq(template.id, params.id)));
  const [row] = await db
    .select({ value: count() })
    .from(template)
    // Same order as accountRank: creation time, then id for ties.
    .where(and(eq(template.workspaceId, params.workspaceId), sql`(${template.createdAt}, ${template.id}) <= (${target})`));
  return row?.value ?? 0;
}
