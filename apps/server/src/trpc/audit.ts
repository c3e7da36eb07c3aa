import type { Database } from "@nexis/db";
import { type AuditEntry, recordAudit } from "@nexis/db/queries/audit";

interface AuditContext {
  db: Database;
  workspaceId: string;
  clientIp: string | null;
  session: { user: { id: string } };
}

/**
 * Runs a change and its audit-log row in one transaction: both land or neither does. `describe`
 * turns the change's result into the entry (action, target, metadata); who and from where come
 * from the context.
 */
export async function audited<Result>(
  ctx: AuditContext,
  change: (tx: Database) => Promise<Result>,
  describe: (result: Result) => Pick<AuditEntry, "action" | "targetType" | "targetId" | "metadata">,
): Promise<Result> {
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, { ...describe(result), workspaceId: ctx.workspaceId, actorUserId: ctx.session.user.id, ipAddress: ctx.clientIp });
    return result;
  });
}
