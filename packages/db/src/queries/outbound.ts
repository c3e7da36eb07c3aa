import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat } from "../schema/chat.ts";
import { message } from "../schema/message.ts";
import { outbox } from "../schema/outbox.ts";

/** What the worker sends for one outbox row (`kind: "send-text"`). */
export interface SendTextJob {
  messageId: string;
  /** Our chat row, for telling the inbox which chat changed. */
  chatRowId: string;
  session: string;
  chatId: string;
  text: string;
  /** WhatsApp's id of the message replied to. */
  replyTo: string | null;
  /** The message key we chose, passed as WAHA's `id`, so a retry is recognised, not sent twice. */
  key: string;
}

/**
 * Writes an outbound message (ack 0, pending) and its outbox row in one transaction: both exist or
 * neither does. A repeated `idempotencyKey` (the client retrying the same send) returns the first
 * message instead of sending again.
 */
export async function enqueueTextMessage(
  db: Database,
  params: {
    workspaceId: string;
    accountId: string;
    chatId: string;
    waChatId: string;
    text: string;
    replyTo: string | null;
    sentByUserId: string;
    idempotencyKey: string;
    key: string;
  },
) {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(outbox)
      .values({
        workspaceId: params.workspaceId,
        accountId: params.accountId,
        kind: "send-text",
        payload: {},
        idempotencyKey: params.idempotencyKey,
      })
      .onConflictDoNothing({ target: [outbox.workspaceId, outbox.idempotencyKey] })
      .returning({ id: outbox.id });
    if (!job) {
      const [existing] = await tx
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(and(eq(outbox.workspaceId, params.workspaceId), eq(outbox.idempotencyKey, params.idempotencyKey)));
      const messageId = (existing?.payload as Partial<SendTextJob> | undefined)?.messageId;
      const [first] = messageId ? await tx.select().from(message).where(eq(message.id, messageId)) : [];
      return { message: first, duplicate: true };
    }
    const now = new Date();
    const [row] = await tx
      .insert(message)
      .values({
        workspaceId: params.workspaceId,
        accountId: params.accountId,
        chatId: params.chatId,
        waMessageId: `true_${params.waChatId}_${params.key}`,
        fromMe: true,
        type: "chat",
        body: params.text,
        ack: 0,
        timestamp: Math.floor(now.getTime() / 1000),
        sentByUserId: params.sentByUserId,
      })
      .returning();
    if (!row) throw new Error("insert into message returned no row");
    const payload: SendTextJob = { messageId: row.id, chatRowId: params.chatId, session: params.accountId, chatId: params.waChatId, text: params.text, replyTo: params.replyTo, key: params.key };
    await tx.update(outbox).set({ payload }).where(eq(outbox.id, job.id));
    await tx.update(chat).set({ lastMessageAt: now }).where(eq(chat.id, params.chatId));
    return { message: row, duplicate: false };
  });
}

/**
 * Takes up to `limit` due jobs and marks them `sending`, skipping rows another worker holds
 * (`FOR UPDATE SKIP LOCKED`), so several servers never take the same job.
 */
export async function claimDueJobs(db: Database, params: { limit: number; now?: Date }) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, params.now ?? new Date())))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
      .limit(params.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: "sending", attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due.map((row) => row.id)))
      .returning({ id: outbox.id, workspaceId: outbox.workspaceId, accountId: outbox.accountId, kind: outbox.kind, payload: outbox.payload, attempts: outbox.attempts });
  });
}

/** Jobs left `sending` by a worker that died: back to pending (the message id keeps the send single). */
export async function releaseStuckJobs(db: Database, params: { olderThan: Date }) {
  return db
    .update(outbox)
    .set({ status: "pending" })
    .where(and(eq(outbox.status, "sending"), lte(outbox.updatedAt, params.olderThan)))
    .returning({ id: outbox.id });
}

/** The send went through: the job is done and the message takes WhatsApp's id and ack. */
export async function completeJob(db: Database, params: { jobId: string; messageId: string; waMessageId: string; ack: number }) {
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: "sent", lastError: null }).where(eq(outbox.id, params.jobId));
    await tx
      .update(message)
      .set({ waMessageId: params.waMessageId, ack: sql`greatest(${message.ack}, ${params.ack})` })
      .where(eq(message.id, params.messageId));
  });
}

/** Tries again at `at` (a network error, a 5xx, a 429, or the account's send rate). */
export async function retryJobLater(db: Database, params: { jobId: string; at: Date; error: string | null; countAttempt: boolean }) {
  await db
    .update(outbox)
    .set({
      status: "pending",
      nextAttemptAt: params.at,
      lastError: params.error,
      ...(params.countAttempt ? {} : { attempts: sql`${outbox.attempts} - 1` }),
    })
    .where(eq(outbox.id, params.jobId));
}

/** Gives up: the job is failed and the message shows the reason (ack -1) until retried. */
export async function failJob(db: Database, params: { jobId: string; messageId: string; reason: string }) {
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: "failed", lastError: params.reason }).where(eq(outbox.id, params.jobId));
    await tx.update(message).set({ ack: -1, failureReason: params.reason }).where(eq(message.id, params.messageId));
  });
}

/** Queues a failed message again from its first attempt; false when it is not a failed send of the workspace. */
export async function requeueFailedMessage(db: Database, params: { workspaceId: string; messageId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(message)
      .set({ ack: 0, failureReason: null })
      .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.messageId), eq(message.ack, -1), eq(message.fromMe, true)))
      .returning({ id: message.id });
    if (!row) return false;
    const requeued = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(outbox.workspaceId, params.workspaceId), eq(outbox.status, "failed"), sql`${outbox.payload}->>'messageId' = ${params.messageId}`))
      .returning({ id: outbox.id });
    if (requeued.length === 0) throw new Error("a failed message without its outbox job");
    return true;
  });
}
