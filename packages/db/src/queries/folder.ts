import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat } from "../schema/chat.ts";
import { folder } from "../schema/folder.ts";

const folderColumns = { id: folder.id, name: folder.name, position: folder.position, createdAt: folder.createdAt, updatedAt: folder.updatedAt };

const inWorkspace = (workspaceId: string, id: string) => and(eq(folder.workspaceId, workspaceId), eq(folder.id, id));

/** The workspace's folders in display order, each with how many chats are in it and how many of those are unread. */
export async function listFolders(db: Database, params: { workspaceId: string }) {
  return db
    .select({ ...folderColumns, chatCount: count(chat.id), unreadChatCount: sql<number>`count(${chat.id}) filter (where ${chat.unreadCount} > 0)`.mapWith(Number) })
    .from(folder)
    .leftJoin(chat, and(eq(chat.folderId, folder.id), eq(chat.workspaceId, params.workspaceId)))
    .where(eq(folder.workspaceId, params.workspaceId))
    .groupBy(folder.id)
    .orderBy(asc(folder.position), asc(folder.name));
}

export async function getFolder(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select(folderColumns).from(folder).where(inWorkspace(params.workspaceId, params.id));
  return row;
}

/** A new folder goes last. */
export async function createFolder(db: Database, params: { workspaceId: string; name: string }) {
  const [last] = await db.select({ value: max(folder.position) }).from(folder).where(eq(folder.workspaceId, params.workspaceId));
  const [row] = await db
    .insert(folder)
    .values({ workspaceId: params.workspaceId, name: params.name, position: (last?.value ?? -1) + 1 })
    .returning(folderColumns);
  if (!row) throw new Error("insert into folder returned no row");
  return row;
}

export async function renameFolder(db: Database, params: { workspaceId: string; id: string; name: string }) {
  const [row] = await db.update(folder).set({ name: params.name }).where(inWorkspace(params.workspaceId, params.id)).returning(folderColumns);
  return row;
}

/**
 * Sets the order of the workspace's folders to `ids`. Returns false, changing nothing, unless
 * `ids` names each of the workspace's folders exactly once.
 */
export async function reorderFolders(db: Database, params: { workspaceId: string; ids: string[] }) {
  return db.transaction(async (tx) => {
    const [total] = await tx.select({ value: count() }).from(folder).where(eq(folder.workspaceId, params.workspaceId));
    const [matching] = await tx
      .select({ value: count() })
      .from(folder)
      .where(and(eq(folder.workspaceId, params.workspaceId), inArray(folder.id, params.ids)));
    const unique = new Set(params.ids).size === params.ids.length;
    if (!unique || total?.value !== params.ids.length || matching?.value !== params.ids.length) return false;
    for (const [position, id] of params.ids.entries()) {
      await tx.update(folder).set({ position }).where(inWorkspace(params.workspaceId, id));
    }
    return true;
  });
}

/** Deletes the folder; its chats go back to the inbox (their folder is set to null). */
export async function deleteFolder(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.delete(folder).where(inWorkspace(params.workspaceId, params.id)).returning({ id: folder.id });
  return row;
}
