import { count, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { outbox, whatsappAccount } from "../schema/index.ts";

/** Linked numbers by session status, across all workspaces (operators' metrics, no tenant data). */
export async function countAccountsByStatus(db: Database): Promise<{ status: string; count: number }[]> {
  return db.select({ status: whatsappAccount.status, count: count() }).from(whatsappAccount).groupBy(whatsappAccount.status);
}

/** Outbox jobs by status, and how late the oldest due pending job is (seconds; 0 when none). */
export async function outboxDepth(db: Database): Promise<{ byStatus: { status: string; count: number }[]; oldestDueSeconds: number }> {
  const byStatus = await db.select({ status: outbox.status, count: count() }).from(outbox).where(sql`${outbox.status} in ('pending', 'sending')`).groupBy(outbox.status);
  const [oldest] = await db
    .select({ seconds: sql<string | null>`extract(epoch from now() - min(${outbox.nextAttemptAt}))` })
    .from(outbox)
    .where(sql`${outbox.status} = 'pending' and ${outbox.nextAttemptAt} <= now()`);
  return { byStatus, oldestDueSeconds: Math.max(0, Number(oldest?.seconds ?? 0)) };
}
