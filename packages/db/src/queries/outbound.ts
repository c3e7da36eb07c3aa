import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat } from "../schema/chat.ts";
import { message, type QuotedMessage } from "../schema/message.ts";
import { outbox } from "../schema/outbox.ts";
import { whatsappAccount } from "../schema/whatsapp-account.ts";

/**
 * What the worker needs for one outbox row: where to send, with which message key, and the send
 * itself (`send.kind` picks the WhatsApp call; the server defines the kinds, this layer only
 * stores them).
 */
export interface OutboundJobPayload<Send extends { kind: string } = { kind: string }> {
  messageId: string;
  /** Our chat row, for telling the inbox which chat changed. */
  chatRowId: string;
  session: string;
  chatId: string;
  /** The message key we chose, passed as WAHA's `id`, so a retry is recognised, not sent twice. */
  key: string;
  send: Send;
}

/** How the message row shows the send in the inbox before WhatsApp confirms it. */
export interface OutboundMessageRow {
  type: string;
  body: string | null;
  media: unknown;
  /** The stored file a media send carries. */
  mediaId?: string | null;
  /** What a reply quotes. */
  quoted?: QuotedMessage | null;
}

/**
 * Writes an outbound message (ack 0, pending) and its outbox row in one transaction: both exist or
 * neither does. A repeated `idempotencyKey` (the client retrying the same send) returns the first
 * message instead of sending again.
 */
export async function enqueueOutboundMessage(
  db: Database,
  params: {
    workspaceId: string;
    accountId: string;
    chatId: string;
    waChatId: string;
    sentByUserId: string;
    idempotencyKey: string;
    key: string;
    row: OutboundMessageRow;
    send: { kind: string };
  },
) {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(outbox)
      .values({
        workspaceId: params.workspaceId,
        accountId: params.accountId,
        kind: params.send.kind,
        payload: {},
        idempotencyKey: params.idempotencyKey,
      })
      .onConflictDoNothing({ target: [outbox.workspaceId, outbox.idempotencyKey] })
      .returning({ id: outbox.id });
    if (!job) {
      const [existing] = await tx
        .select({ id: outbox.id, payload: outbox.payload })
        .from(outbox)
        .where(and(eq(outbox.workspaceId, params.workspaceId), eq(outbox.idempotencyKey, params.idempotencyKey)));
      const messageId = (existing?.payload as Partial<OutboundJobPayload> | undefined)?.messageId;
      const [first] = messageId ? await tx.select().from(message).where(eq(message.id, messageId)) : [];
      return { message: first, jobId: existing?.id ?? null, duplicate: true };
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
        type: params.row.type,
        body: params.row.body,
        media: params.row.media ?? null,
        mediaId: params.row.mediaId ?? null,
        quoted: params.row.quoted ?? null,
        ack: 0,
        timestamp: Math.floor(now.getTime() / 1000),
        sentByUserId: params.sentByUserId,
      })
      .returning();
    if (!row) throw new Error("insert into message returned no row");
    const payload: OutboundJobPayload = { messageId: row.id, chatRowId: params.chatId, session: params.accountId, chatId: params.waChatId, key: params.key, send: params.send };
    await tx.update(outbox).set({ payload }).where(eq(outbox.id, job.id));
    await tx.update(chat).set({ lastMessageAt: now }).where(eq(chat.id, params.chatId));
    return { message: row, jobId: job.id, duplicate: false };
  });
}

/**
 * The columns a worker gets for a claimed job, with the number's send rate read in the same
 * statement (null: the server default).
 */
const claimedColumns = {
  id: outbox.id,
  workspaceId: outbox.workspaceId,
  accountId: outbox.accountId,
  kind: outbox.kind,
  payload: outbox.payload,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  messagesPerMinute: sql<number | null>`(select ${whatsappAccount.messagesPerMinute} from ${whatsappAccount} where ${whatsappAccount.id} = ${outbox.accountId})`,
};
export type ClaimedJob = Awaited<ReturnType<typeof claimDueJobs>>[number];

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
      .returning(claimedColumns);
  });
}

/**
 * Takes one job by id (the BullMQ trigger names it) if it is pending and due; null when it is
 * done, failed, held by another worker or not due yet, so a duplicate trigger sends nothing.
 */
export async function claimJob(db: Database, params: { id: string; now?: Date }) {
  const [row] = await db
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, params.id), eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, params.now ?? new Date())))
    .returning(claimedColumns);
  return row ?? null;
}

/** Pending jobs and when each is due, oldest first: what a trigger-based queue must (re)schedule. */
export async function listPendingJobs(db: Database, params: { limit: number }) {
  return db
    .select({ id: outbox.id, nextAttemptAt: outbox.nextAttemptAt })
    .from(outbox)
    .where(eq(outbox.status, "pending"))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(params.limit);
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

/** Queues a failed message again from its first attempt: its outbox job's id, or null when it is not a failed send of the workspace. */
export async function requeueFailedMessage(db: Database, params: { workspaceId: string; messageId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(message)
      .set({ ack: 0, failureReason: null })
      .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.messageId), eq(message.ack, -1), eq(message.fromMe, true)))
      .returning({ id: message.id });
    if (!row) return null;
    const requeued = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(outbox.workspaceId, params.workspaceId), eq(outbox.status, "failed"), sql`${outbox.payload}->>'messageId' = ${params.messageId}`))
      .returning({ id: outbox.id });
    const [job] = requeued;
    if (!job) throw new Error("a failed message without its outbox job");
    return job.id;
  });
}
