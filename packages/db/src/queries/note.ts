import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { user } from "../schema/auth.ts";
import { chatNote } from "../schema/chat-note.ts";

/** A chat's private notes, oldest first, with their authors' names. */
export async function listNotes(db: Database, params: { workspaceId: string; chatId: string }) {
  return db
    .select({ id: chatNote.id, chatId: chatNote.chatId, body: chatNote.body, createdAt: chatNote.createdAt, editedAt: chatNote.editedAt, authorUserId: chatNote.authorUserId, authorName: user.name })
    .from(chatNote)
    .leftJoin(user, eq(user.id, chatNote.authorUserId))
    .where(and(eq(chatNote.workspaceId, params.workspaceId), eq(chatNote.chatId, params.chatId)))
    .orderBy(asc(chatNote.createdAt));
}

export async function createNote(db: Database, params: { workspaceId: string; chatId: string; authorUserId: string; body: string }) {
  const [row] = await db.insert(chatNote).values(params).returning();
  if (!row) throw new Error("insert into chat_note returned no row");
  return row;
}

export async function getNote(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select().from(chatNote).where(and(eq(chatNote.workspaceId, params.workspaceId), eq(chatNote.id, params.id)));
  return row;
}

/** Changes the text of a note its author wrote; undefined when there is no such note of theirs. */
export async function updateNote(db: Database, params: { workspaceId: string; id: string; authorUserId: string; body: string }) {
  const [row] = await db
    .update(chatNote)
    .set({ body: params.body, editedAt: new Date() })
    .where(and(eq(chatNote.workspaceId, params.workspaceId), eq(chatNote.id, params.id), eq(chatNote.authorUserId, params.authorUserId)))
    .returning();
  return row;
}

export async function deleteNote(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.delete(chatNote).where(and(eq(chatNote.workspaceId, params.workspaceId), eq(chatNote.id, params.id))).returning({ id: chatNote.id, chatId: chatNote.chatId });
  return row;
}
