import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { chat, chatTag } from "../schema/chat.ts";
import { chatNote } from "../schema/chat-note.ts";
import { contact } from "../schema/contact.ts";
import { message } from "../schema/message.ts";
import { rowKey } from "./ingest.ts";

/**
 * WhatsApp names a person by phone (`<digits>@c.us`) or by a hidden id (`<n>@lid`). These keep
 * one contact and one chat per person: the contact is keyed by the phone id once known, with the
 * hidden id beside it (`contact.lid`).
 */

/** The phone ids of people known by these hidden ids, by `rowKey(account, lid)`. */
export async function phoneIdsForLids(db: Database, lids: { accountId: string; lid: string }[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (lids.length === 0) return known;
  const rows = await db
    .select({ accountId: contact.accountId, lid: contact.lid, waId: contact.waId })
    .from(contact)
    .where(sql`(${contact.accountId}, ${contact.lid}) in (${sql.join(lids.map((item) => sql`(${item.accountId}, ${item.lid})`), sql`, `)})`);
  for (const row of rows) if (row.lid && row.waId !== row.lid) known.set(rowKey(row.accountId, row.lid), row.waId);
  return known;
}

export interface IdentityPair {
  accountId: string;
  /** `<digits>@c.us` */
  pn: string;
  /** `<n>@lid` */
  lid: string;
}

/**
 * The pairs that are not yet one contact (the phone contact lacks the hidden id, or a contact or
 * chat still goes by the hidden id): one query, so the common case (already linked) stays cheap.
 */
export async function unlinkedIdentities(db: Database, pairs: IdentityPair[]): Promise<IdentityPair[]> {
  if (pairs.length === 0) return [];
  const ids = pairs.flatMap((pair) => [sql`(${pair.accountId}, ${pair.pn})`, sql`(${pair.accountId}, ${pair.lid})`]);
  const lids = pairs.map((pair) => sql`(${pair.accountId}, ${pair.lid})`);
  const [contacts, chats] = await Promise.all([
    db
      .select({ accountId: contact.accountId, waId: contact.waId, lid: contact.lid })
      .from(contact)
      .where(
        or(
          sql`(${contact.accountId}, ${contact.waId}) in (${sql.join(ids, sql`, `)})`,
          sql`(${contact.accountId}, ${contact.lid}) in (${sql.join(lids, sql`, `)})`,
        ),
      ),
    db
      .select({ accountId: chat.accountId, waChatId: chat.waChatId })
      .from(chat)
      .where(sql`(${chat.accountId}, ${chat.waChatId}) in (${sql.join(lids, sql`, `)})`),
  ]);
  const lidChats = new Set(chats.map((row) => rowKey(row.accountId, row.waChatId)));
  return pairs.filter((pair) => {
    const mine = contacts.filter((row) => row.accountId === pair.accountId);
    const linked = mine.some((row) => row.waId === pair.pn && row.lid === pair.lid);
    const strayLid = mine.some((row) => row.waId === pair.lid || (row.lid === pair.lid && row.waId !== pair.pn));
    return !linked || strayLid || lidChats.has(rowKey(pair.accountId, pair.lid));
  });
}

/**
 * Makes one person of a phone id and a hidden id WhatsApp revealed together: the contact known
 * only by the hidden id takes the phone id (or is merged into the phone contact), and its chat
 * is renamed (or merged: messages, notes and tags move, unread counts add up). Answers the ids
 * of chats that changed or went away, for the live stream.
 */
export async function linkContactIdentity(
  db: Database,
  params: IdentityPair & { workspaceId: string; phoneNumber: string | null },
): Promise<{ changedChatIds: string[] }> {
  const { accountId, pn, lid } = params;
  const contacts = await db
    .select()
    .from(contact)
    .where(and(eq(contact.accountId, accountId), or(eq(contact.waId, pn), eq(contact.waId, lid), eq(contact.lid, lid))))
    .for("update");
  const byPhone = contacts.find((row) => row.waId === pn);
  const byLid = contacts.find((row) => row.waId === lid);
  // Another phone contact holding this hidden id (a changed number): it only loses the hidden id.
  const formerHolder = contacts.find((row) => row.lid === lid && row.waId !== pn && row.waId !== lid);
  if (formerHolder) await db.update(contact).set({ lid: null }).where(eq(contact.id, formerHolder.id));

  let keeperId: string | null = byPhone?.id ?? null;
  if (byPhone && byLid) {
    await db.delete(contact).where(eq(contact.id, byLid.id));
    await db
      .update(contact)
      .set({ lid, name: byPhone.name ?? byLid.name, pushName: byPhone.pushName ?? byLid.pushName })
      .where(eq(contact.id, byPhone.id));
  } else if (byPhone) {
    if (byPhone.lid !== lid) await db.update(contact).set({ lid }).where(eq(contact.id, byPhone.id));
  } else if (byLid) {
    await db
      .update(contact)
      .set({ waId: pn, lid, phoneNumber: byLid.phoneNumber ?? params.phoneNumber })
      .where(eq(contact.id, byLid.id));
    keeperId = byLid.id;
  }

  const chats = await db
    .select()
    .from(chat)
    .where(and(eq(chat.accountId, accountId), inArray(chat.waChatId, [pn, lid])))
    .for("update");
  const phoneChat = chats.find((row) => row.waChatId === pn);
  const lidChat = chats.find((row) => row.waChatId === lid);
  if (phoneChat && lidChat) {
    await db.update(message).set({ chatId: phoneChat.id }).where(eq(message.chatId, lidChat.id));
    await db.update(chatNote).set({ chatId: phoneChat.id }).where(eq(chatNote.chatId, lidChat.id));
    await db.execute(sql`
      insert into ${chatTag} (chat_id, tag_id, workspace_id, created_at)
      select ${phoneChat.id}, tag_id, workspace_id, created_at from ${chatTag} where chat_id = ${lidChat.id}
      on conflict do nothing`);
    const latest = [phoneChat.lastMessageAt, lidChat.lastMessageAt].filter((at): at is Date => at !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    await db.delete(chat).where(eq(chat.id, lidChat.id));
    await renameMessageIds(db, { accountId, chatId: phoneChat.id, lid, pn });
    await db
      .update(chat)
      .set({
        unreadCount: phoneChat.unreadCount + lidChat.unreadCount,
        lastMessageAt: latest,
        contactId: keeperId ?? phoneChat.contactId,
        name: phoneChat.name ?? lidChat.name,
        folderId: phoneChat.folderId ?? lidChat.folderId,
        assigneeUserId: phoneChat.assigneeUserId ?? lidChat.assigneeUserId,
        pinnedAt: phoneChat.pinnedAt ?? lidChat.pinnedAt,
        muted: phoneChat.muted || lidChat.muted,
      })
      .where(eq(chat.id, phoneChat.id));
    return { changedChatIds: [phoneChat.id, lidChat.id] };
  }
  if (lidChat) {
    await db
      .update(chat)
      .set({ waChatId: pn, contactId: keeperId ?? lidChat.contactId })
      .where(eq(chat.id, lidChat.id));
    await renameMessageIds(db, { accountId, chatId: lidChat.id, lid, pn });
    return { changedChatIds: [lidChat.id] };
  }
  if (phoneChat && keeperId && phoneChat.contactId !== keeperId) {
    await db.update(chat).set({ contactId: keeperId }).where(eq(chat.id, phoneChat.id));
    return { changedChatIds: [phoneChat.id] };
  }
  return { changedChatIds: [] };
}

/**
 * Renames a chat's messages stored under the person's hidden id (`false_<lid>_<key>`) to their
 * phone id, as new messages are stored once the phone is known, so a later ack or copy of one in
 * either form finds it. A message already stored under both ids keeps both rows.
 */
async function renameMessageIds(db: Database, params: { accountId: string; chatId: string; lid: string; pn: string }) {
  const renamed = sql`split_part(m.wa_message_id, '_', 1) || '_' || ${params.pn} || substr(m.wa_message_id, length(split_part(m.wa_message_id, '_', 1)) + length(${params.lid}) + 2)`;
  await db.execute(sql`
    update ${message} m set wa_message_id = ${renamed}
     where m.chat_id = ${params.chatId} and m.account_id = ${params.accountId} and split_part(m.wa_message_id, '_', 2) = ${params.lid}
       and not exists (select 1 from ${message} o where o.account_id = m.account_id and o.wa_message_id = ${renamed})`);
}
