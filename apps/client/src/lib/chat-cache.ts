import type { InfiniteData } from "@tanstack/react-query";
import type { Chat, ChatListInput } from "./api-types.ts";

/** What the inbox's chat actions change on a chat (the fields `chat.assign`, `setPinned`… write). */
export type ChatChanges = Partial<Pick<Chat, "assigneeUserId" | "archived" | "pinnedAt" | "muted" | "unreadCount">>;

type ChatPage = { items: Chat[]; nextCursor: string | null };

/** Whether a chat still belongs in a `chat.list` with these filters once changed (archived leaves the inbox, and so on). */
export function stillListed(chat: Chat, filters: ChatListInput | undefined, myUserId: string): boolean {
  if (!filters) return true;
  if (chat.archived !== (filters.archived ?? false)) return false;
  if (filters.unread && chat.unreadCount === 0) return false;
  if (filters.pinned && chat.pinnedAt === null) return false;
  if (filters.assignee === "unassigned") return chat.assigneeUserId === null;
  if (filters.assignee === "me") return chat.assigneeUserId === myUserId;
  if (filters.assignee) return chat.assigneeUserId === filters.assignee;
  return true;
}

function patchPage(page: ChatPage, id: string, changes: ChatChanges, keep: (chat: Chat) => boolean): ChatPage {
  if (!page.items.some((chat) => chat.id === id)) return page;
  const items = page.items.map((chat) => (chat.id === id ? { ...chat, ...changes } : chat)).filter((chat) => chat.id !== id || keep(chat));
  return { ...page, items };
}

const isInfinite = (data: unknown): data is InfiniteData<ChatPage> => typeof data === "object" && data !== null && "pages" in data;
const isPage = (data: unknown): data is ChatPage => typeof data === "object" && data !== null && "items" in data;
const isChat = (data: unknown): data is Chat => typeof data === "object" && data !== null && "id" in data && "archived" in data;

/**
 * One cached `chat.get`, `chat.list` page or `chat.list` infinite list with the chat's changes
 * applied; a list drops the chat when it no longer matches its filters. Anything else is left as is.
 */
export function patchCachedChat(data: unknown, params: { id: string; changes: ChatChanges; filters?: ChatListInput | undefined; myUserId: string }): unknown {
  const { id, changes, filters, myUserId } = params;
  const keep = (chat: Chat) => stillListed(chat, filters, myUserId);
  if (isInfinite(data)) return { ...data, pages: data.pages.map((page) => patchPage(page, id, changes, keep)) };
  if (isPage(data)) return patchPage(data, id, changes, keep);
  if (isChat(data) && data.id === id) return { ...data, ...changes };
  return data;
}

/** Pinned chats first (as WhatsApp shows them), then the rest in the API's order; each chat once. */
export function pinnedFirst(pinned: readonly Chat[], rest: readonly Chat[]): Chat[] {
  const top = [...pinned.filter((chat) => chat.pinnedAt !== null), ...rest.filter((chat) => chat.pinnedAt !== null)];
  const seen = new Set<string>();
  const ordered: Chat[] = [];
  for (const chat of [...top, ...rest.filter((item) => item.pinnedAt === null)]) {
    if (seen.has(chat.id)) continue;
    seen.add(chat.id);
    ordered.push(chat);
  }
  return ordered;
}
