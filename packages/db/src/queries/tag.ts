import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chatTag } from "../schema/chat.ts";
import { tag } from "../schema/tag.ts";

const tagColumns = { id: tag.id, name: tag.name, color: tag.color, createdAt: tag.createdAt, updatedAt: tag.updatedAt };

const inWorkspace = (workspaceId: string, id: string) => and(eq(tag.workspaceId, workspaceId), eq(tag.id, id));

/** The workspace's tags by name, each with the number of chats carrying it. */
export async function listTagsWithCounts(db: Database, params: { workspaceId: string }) {
  return db
    .select({ ...tagColumns, chatCount: count(chatTag.chatId) })
    .from(tag)
    .leftJoin(chatTag, and(eq(chatTag.tagId, tag.id), eq(chatTag.workspaceId, params.workspaceId)))
    .where(eq(tag.workspaceId, params.workspaceId))
    .groupBy(tag.id)
    .orderBy(asc(tag.name));
}

export async function getTag(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select(tagColumns).from(tag).where(inWorkspace(params.workspaceId, params.id));
  return row;
}

export async function createTag(db: Database, params: { workspaceId: string; name: string; color?: string | undefined }) {
  const [row] = await db
    .insert(tag)
    .values({ workspaceId: params.workspaceId, name: params.name, ...(params.color ? { color: params.color } : {}) })
    .returning(tagColumns);
  if (!row) throw new Error("insert into tag returned no row");
  return row;
}

export async function updateTag(db: Database, params: { workspaceId: string; id: string; name?: string | undefined; color?: string | undefined }) {
  const changes = { ...(params.name ? { name: params.name } : {}), ...(params.color ? { color: params.color } : {}) };
  const [row] = await db
    .update(tag)
    .set(changes)
    .where(inWorkspace(params.workspaceId, params.id))
    .returning(tagColumns);
  return row;
}

/** Deletes the tag; its chat links go with it (cascade). */
export async function deleteTag(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.delete(tag).where(inWorkspace(params.workspaceId, params.id)).returning({ id: tag.id });
  return row;
}
