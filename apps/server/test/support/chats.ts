import { schema, type Database } from "@nexis/db";

export interface SeededChats {
  /** Newest activity first, as the inbox lists them. */
  chatIds: string[];
  /** The first chat's messages, newest first. */
  messageIds: string[];
}

/**
 * Fills a linked number with chats, contacts and messages, as the messaging pipeline will: chat
 * `i` had its last message `i` minutes before `since`, and the first chat has `messagesInFirst`
 * messages. No procedure creates chats yet, so the suites write them here.
 */
export async function seedChats(
  db: Database,
  params: { workspaceId: string; accountId: string; count: number; messagesInFirst?: number; since?: Date },
): Promise<SeededChats> {
  const since = params.since ?? new Date("2026-06-01T12:00:00Z");
  const { workspaceId, accountId } = params;
  const chatIds: string[] = [];
  for (let index = 0; index < params.count; index++) {
    const waId = `5511900000${String(index).padStart(3, "0")}@c.us`;
    const [contact] = await db
      .insert(schema.contact)
      .values({ workspaceId, accountId, waId, name: `Customer ${index}`, pushName: `Push ${index}`, phoneNumber: `+5511900000${index}` })
      .returning();
    const [chat] = await db
      .insert(schema.chat)
      .values({
        workspaceId,
        accountId,
        waChatId: waId,
        contactId: contact?.id,
        name: `Customer ${index}`,
        unreadCount: index % 2,
        lastMessageAt: new Date(since.getTime() - index * 60_000),
      })
      .returning();
    if (!chat) throw new Error("no chat inserted");
    chatIds.push(chat.id);
  }
  const messageIds: string[] = [];
  const [firstChat] = chatIds;
  for (let index = 0; index < (params.messagesInFirst ?? 0) && firstChat; index++) {
    const [row] = await db
      .insert(schema.message)
      .values({
        workspaceId,
        accountId,
        chatId: firstChat,
        waMessageId: `false_5511900000000@c.us_${index}`,
        fromMe: index % 3 === 0,
        body: `Message ${index}`,
        timestamp: Math.floor(since.getTime() / 1000) - 60 * (params.messagesInFirst ?? 0) + index * 60,
      })
      .returning();
    if (row) messageIds.unshift(row.id);
  }
  return { chatIds, messageIds };
}
