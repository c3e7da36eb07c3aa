import { and, eq, or, inArray } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat, type GroupMember } from "../schema/chat.ts";
import { contact } from "../schema/contact.ts";

/**
 * A group chat of an account, created when first heard of, and locked for the rest of the
 * transaction so concurrent member changes apply one after the other.
 */
export async function lockGroupChat(db: Database, params: { workspaceId: string; accountId: string; waChatId: string }) {
  await db
    .insert(chat)
    .values({ ...params, isGroup: true })
    .onConflictDoNothing({ target: [chat.accountId, chat.waChatId] });
  const [row] = await db
    .select({ id: chat.id, name: chat.name, participants: chat.participants })
    .from(chat)
    .where(and(eq(chat.accountId, params.accountId), eq(chat.waChatId, params.waChatId)))
    .for("update");
  if (!row) throw new Error("group chat upsert found no row");
  return row;
}

/** Sets a group's subject and/or members (a field left undefined is kept). */
export async function updateGroupChat(db: Database, params: { chatId: string; name?: string; participants?: GroupMember[] }) {
  const { chatId, ...changes } = params;
  if (changes.name === undefined && changes.participants === undefined) return;
  await db.update(chat).set(changes).where(eq(chat.id, chatId));
}

/**
 * How the inbox names these people of an account (by phone or hidden id): the name the team gave,
 * else their WhatsApp name, else the phone number. People not known are missing from the map.
 */
export async function contactDisplayNames(db: Database, params: { accountId: string; waIds: string[] }): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (params.waIds.length === 0) return names;
  const rows = await db
    .select({ waId: contact.waId, lid: contact.lid, name: contact.name, pushName: contact.pushName, phoneNumber: contact.phoneNumber })
    .from(contact)
    .where(and(eq(contact.accountId, params.accountId), or(inArray(contact.waId, params.waIds), inArray(contact.lid, params.waIds))));
  for (const row of rows) {
    const name = row.name ?? row.pushName ?? row.phoneNumber;
    if (!name) continue;
    names.set(row.waId, name);
    if (row.lid) names.set(row.lid, name);
  }
  return names;
}
