import { desc, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { auditLog } from "../schema/audit-log.ts";

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string;
  /** `<target>.<verb>`, e.g. `account.create`, `member.role-change`. */
  action: string;
  targetType?: string | undefined;
  targetId?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
  ipAddress?: string | null | undefined;
}

/** Records who did what, when, from where; call it in the same transaction as the change. */
export async function recordAudit(db: Database, entry: AuditEntry) {
  await db.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    metadata: entry.metadata ?? null,
    ipAddress: entry.ipAddress ?? null,
  });
}

/** A workspace's audit trail, newest first. */
export async function listAudit(db: Database, params: { workspaceId: string; limit: number }) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.workspaceId, params.workspaceId))
    .orderBy(desc(auditLog.createdAt))
    .limit(params.limit);
}
