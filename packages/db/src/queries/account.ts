import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { whatsappAccount } from "../schema/whatsapp-account.ts";

const accountColumns = {
  id: whatsappAccount.id,
  name: whatsappAccount.name,
  phoneNumber: whatsappAccount.phoneNumber,
  pushName: whatsappAccount.pushName,
  status: whatsappAccount.status,
  statusReason: whatsappAccount.statusReason,
  waId: whatsappAccount.waId,
  engine: whatsappAccount.engine,
  messagesPerMinute: whatsappAccount.messagesPerMinute,
  createdAt: whatsappAccount.createdAt,
  updatedAt: whatsappAccount.updatedAt,
};

const inWorkspace = (workspaceId: string, id: string) =>
  and(eq(whatsappAccount.workspaceId, workspaceId), eq(whatsappAccount.id, id));

/** The workspace's linked WhatsApp numbers, by name. */
export async function listAccounts(db: Database, params: { workspaceId: string }) {
  return db
    .select(accountColumns)
    .from(whatsappAccount)
    .where(eq(whatsappAccount.workspaceId, params.workspaceId))
    .orderBy(asc(whatsappAccount.name));
}

export async function getAccount(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select(accountColumns).from(whatsappAccount).where(inWorkspace(params.workspaceId, params.id));
  return row;
}

export async function countAccounts(db: Database, params: { workspaceId: string }): Promise<number> {
  const [row] = await db.select({ value: count() }).from(whatsappAccount).where(eq(whatsappAccount.workspaceId, params.workspaceId));
  return row?.value ?? 0;
}

/** A new account starts `STOPPED` until its WhatsApp session reports; `webhookSecret` is stored sealed. */
export async function createAccount(
  db: Database,
  params: { workspaceId: string; name: string; phoneNumber?: string | undefined; webhookSecret?: string | undefined },
) {
  const [row] = await db
    .insert(whatsappAccount)
    .values({ workspaceId: params.workspaceId, name: params.name, phoneNumber: params.phoneNumber ?? null, webhookSecret: params.webhookSecret ?? null })
    .returning(accountColumns);
  if (!row) throw new Error("insert into whatsapp_account returned no row");
  return row;
}

export async function renameAccount(db: Database, params: { workspaceId: string; id: string; name: string }) {
  const [row] = await db
    .update(whatsappAccount)
    .set({ name: params.name })
    .where(inWorkspace(params.workspaceId, params.id))
    .returning(accountColumns);
  return row;
}

/** Sets how many messages a minute the number may send (null: the server default). */
export async function setAccountSendRate(db: Database, params: { workspaceId: string; id: string; messagesPerMinute: number | null }) {
  const [row] = await db
    .update(whatsappAccount)
    .set({ messagesPerMinute: params.messagesPerMinute })
    .where(inWorkspace(params.workspaceId, params.id))
    .returning(accountColumns);
  return row;
}

/** Removes the account and, by cascade, its contacts, chats and messages. */
export async function deleteAccount(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.delete(whatsappAccount).where(inWorkspace(params.workspaceId, params.id)).returning({ id: whatsappAccount.id });
  return row;
}

/** Records the status the WhatsApp service answered (a webhook will confirm later changes). */
export async function updateAccountStatus(
  db: Database,
  params: {
    workspaceId: string;
    id: string;
    status: (typeof whatsappAccount.$inferSelect)["status"];
    reason?: string | null;
    /** Only while the account is still in this status (a webhook may have moved it on already). */
    onlyFrom?: (typeof whatsappAccount.$inferSelect)["status"];
  },
) {
  const scope = inWorkspace(params.workspaceId, params.id);
  const [row] = await db
    .update(whatsappAccount)
    .set({ status: params.status, statusReason: params.reason ?? null })
    .where(params.onlyFrom ? and(scope, eq(whatsappAccount.status, params.onlyFrom)) : scope)
    .returning(accountColumns);
  return row;
}

/** The account's place among the workspace's numbers, oldest first (1 for the first linked). */
export async function accountRank(db: Database, params: { workspaceId: string; id: string }) {
  const rows = await db
    .select({ id: whatsappAccount.id })
    .from(whatsappAccount)
    .where(eq(whatsappAccount.workspaceId, params.workspaceId))
    .orderBy(asc(whatsappAccount.createdAt), asc(whatsappAccount.id));
  return rows.findIndex((row) => row.id === params.id) + 1;
}
