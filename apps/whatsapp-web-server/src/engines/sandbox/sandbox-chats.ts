import type { ChatInfo, ChatsQuery, ChatSummary, MessagesQuery, Pagination, WAMessage } from "../../waha/types.ts";

/** The chat of a message, seen from this session. */
export const chatOf = (message: WAMessage) => (message.fromMe ? message.to : message.from);

const page = <T>(items: T[], { limit, offset }: Pagination) => items.slice(offset, offset + limit);

type ChatState = { info: ChatInfo; last: WAMessage };

/** What the session knows of its chats beyond their messages: marks, and names and pictures from the address book. */
export type ChatMarks = {
  unread: ReadonlySet<string>;
  archived: ReadonlySet<string>;
  profileOf: (chatId: string) => { name: string; picture: string } | null;
};

/** Groups messages (oldest first) into chats, each with its last message and unread count. */
function chatsOf(messages: WAMessage[], { unread, archived, profileOf }: ChatMarks): ChatState[] {
  const chats = new Map<string, ChatState>();
  for (const message of messages) {
    const id = chatOf(message);
    const state = chats.get(id) ?? {
      info: { id, name: profileOf(id)?.name ?? null, isGroup: id.endsWith("@g.us"), unreadCount: 0, timestamp: 0, archived: archived.has(id), pinned: false },
      last: message,
    };
    state.last = message;
    state.info.timestamp = Math.max(state.info.timestamp, message.timestamp);
    if (unread.has(message.id)) state.info.unreadCount += 1;
    chats.set(id, state);
  }
  return [...chats.values()];
}

/** `GET /api/{session}/chats`: sorted and paged. */
export function listChats(messages: WAMessage[], marks: ChatMarks, query: ChatsQuery): ChatInfo[] {
  const key = (chat: ChatInfo) => (query.sortBy === "conversationTimestamp" ? chat.timestamp : query.sortBy === "name" ? (chat.name ?? chat.id) : chat.id);
  const sorted = chatsOf(messages, marks)
    .map((chat) => chat.info)
    .sort((a, b) => {
      const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      return query.sortOrder === "asc" ? order : -order;
    });
  return page(sorted, query);
}

/** `GET|POST /api/{session}/chats/overview`: newest chat first, with its last message. */
export function chatsOverview(messages: WAMessage[], marks: ChatMarks, query: Pagination & { ids?: string[] }): ChatSummary[] {
  const pictureOf = (id: string) => marks.profileOf(id)?.picture ?? null;
  const chats = chatsOf(messages, marks)
    .filter((chat) => !query.ids || query.ids.includes(chat.info.id))
    .reverse()
    .sort((a, b) => b.info.timestamp - a.info.timestamp);
  return page(chats, query).map(({ info, last }) => ({ id: info.id, name: info.name, picture: pictureOf(info.id), lastMessage: last, _chat: info }));
}

/** `GET /api/{session}/chats/{chatId}/messages`: filtered, newest first unless asked otherwise, paged. */
export function chatMessages(messages: WAMessage[], chatId: string, query: MessagesQuery): WAMessage[] {
  const matching = messages.filter(
    (message) =>
      chatOf(message) === chatId &&
      (query.fromMe === undefined || message.fromMe === query.fromMe) &&
      (query.timestampGte === undefined || message.timestamp >= query.timestampGte) &&
      (query.timestampLte === undefined || message.timestamp <= query.timestampLte) &&
      (query.ack === undefined || message.ack === query.ack),
  );
  return page(query.sortOrder === "asc" ? matching : matching.reverse(), query);
}
