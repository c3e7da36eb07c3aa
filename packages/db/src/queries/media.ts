import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../client.ts";
import { member } from "../schema/auth.ts";
import { media, mediaTrash, type MessageMedia } from "../schema/media.ts";
import { message } from "../schema/message.ts";

export type MediaRow = typeof media.$inferSelect;

export async function insertMedia(db: Database, row: typeof media.$inferInsert): Promise<MediaRow> {
  const [inserted] = await db.insert(media).values(row).returning();
  if (!inserted) throw new Error("insert into media returned no row");
  return inserted;
}

/** A media row of one workspace. */
export async function getMedia(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select().from(media).where(and(eq(media.workspaceId, params.workspaceId), eq(media.id, params.id)));
  return row;
}

/** A media row, only when `userId` is a member of the workspace that owns it. */
export async function getMediaForMember(db: Database, params: { userId: string; id: string }) {
  const [row] = await db
    .select({ media })
    .from(media)
    .innerJoin(member, and(eq(member.organizationId, media.workspaceId), eq(member.userId, params.userId)))
    .where(eq(media.id, params.id));
  return row?.media;
}

export async function deleteMedia(db: Database, params: { workspaceId: string; id: string }) {
  await db.delete(media).where(and(eq(media.workspaceId, params.workspaceId), eq(media.id, params.id)));
}

/** What the inbound download of one message needs. */
export async function getMessageForDownload(db: Database, params: { workspaceId: string; messageId: string }) {
  const [row] = await db
    .select({ id: message.id, chatId: message.chatId, accountId: message.accountId, media: message.media, mediaId: message.mediaId })
    .from(message)
    .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.messageId)));
  return row;
}

/**
 * Links a stored file to its message, unless another download got there first; answers whether
 * it did (the caller then removes its own copy).
 */
export async function attachMessageMedia(db: Database, params: { workspaceId: string; messageId: string; mediaId: string; size: number }) {
  const rows = await db
    .update(message)
    .set({ mediaId: params.mediaId, media: sql`coalesce(${message.media}, '{}'::jsonb) || ${JSON.stringify({ status: "ready", size: params.size })}::jsonb` })
    .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.messageId), isNull(message.mediaId)))
    .returning({ id: message.id });
  return rows.length > 0;
}

/** Records why a message's file could not be stored, for the agent to see. */
export async function markMessageMediaUnavailable(db: Database, params: { workspaceId: string; messageId: string; reason: string }) {
  const patch: MessageMedia = { status: "unavailable", reason: params.reason };
  await db
    .update(message)
    .set({ media: sql`coalesce(${message.media}, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb` })
    .where(and(eq(message.workspaceId, params.workspaceId), eq(message.id, params.messageId), isNull(message.mediaId)));
}

/**
 * Inbound files not stored yet (a restart interrupted their download): messages with a media URL,
 * no stored copy and not given up on.
 */
export async function listPendingDownloads(db: Database, params: { limit: number }) {
  return db
    .select({ workspaceId: message.workspaceId, messageId: message.id })
    .from(message)
    .where(and(isNull(message.mediaId), sql`${message.media}->>'url' is not null`, sql`coalesce(${message.media}->>'status', 'pending') = 'pending'`))
    .limit(params.limit);
}

/**
 * Deletes up to `limit` uploads older than `olderThan` that no message uses (a file attached in
 * the composer and never sent); their storage keys go to the trash through the table's trigger.
 * Answers how many rows went.
 */
export async function deleteUnsentUploads(db: Database, params: { olderThan: Date; limit: number }): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`delete from ${media} where id in (
          select m.id from ${media} m
           where m.created_at < ${params.olderThan.toISOString()}::timestamptz
             and not exists (select 1 from ${message} where ${message.mediaId} = m.id)
           limit ${params.limit}
        ) returning id`,
  );
  return rows.length;
}

/** Storage keys whose bytes are still to be removed, oldest first. */
export async function trashedStorageKeys(db: Database, limit: number): Promise<string[]> {
  const rows = await db.select({ storageKey: mediaTrash.storageKey }).from(mediaTrash).orderBy(mediaTrash.deletedAt).limit(limit);
  return rows.map((row) => row.storageKey);
}

/** Forgets trash entries once their bytes are gone. */
export async function emptyTrash(db: Database, storageKeys: string[]): Promise<void> {
  if (storageKeys.length > 0) await db.delete(mediaTrash).where(inArray(mediaTrash.storageKey, storageKeys));
}
