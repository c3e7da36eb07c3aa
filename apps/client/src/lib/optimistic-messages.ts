import type { InfiniteData } from "@tanstack/react-query";
import type { Message, MessagePage } from "./api-types.ts";

export type MessagePages = InfiniteData<MessagePage, string | null | undefined>;

/** A pending bubble shown while `message.send` is in flight (ack 0, marked by its `optimistic-` id). */
export function pendingMessage(params: { id: string; chatId: string; text: string; replyToId?: string | null | undefined; now?: Date }): Message {
  const now = params.now ?? new Date();
  return {
    id: params.id,
    chatId: params.chatId,
    waMessageId: params.id,
    fromMe: true,
    author: null,
    type: "chat",
    body: params.text,
    ack: 0,
    timestamp: Math.floor(now.getTime() / 1000),
    media: null,
    mediaId: null,
    quoted: null,
    system: null,
    replyToId: params.replyToId ?? null,
    reactions: {},
    failureReason: null,
    editedAt: null,
    deletedAt: null,
    sentByUserId: null,
  };
}

/** The newest page gains the message at its head (pages and items are newest first). */
export function prependMessage(data: MessagePages | undefined, message: Message): MessagePages | undefined {
  if (!data) return data;
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return { ...data, pages: [{ ...first, items: [message, ...first.items] }, ...rest] };
}

/** Swaps the pending bubble for the stored row the API answered. */
export function replaceMessage(data: MessagePages | undefined, id: string, message: Message): MessagePages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === id ? message : item)) })) };
}

/** Takes the pending bubble out again (the send failed). */
export function removeMessage(data: MessagePages | undefined, id: string): MessagePages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) };
}
