import type { MessagesQuery, Pagination, WAMessage } from "../../waha/types.ts";

/** WhatsApp Web hands over whole lists; WAHA's routes sort and page them. */
export function sortAndPage<T>(items: T[], key: (item: T) => string | number, query: Pagination & { sortOrder: "asc" | "desc" }): T[] {
  const sorted = [...items].sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    return query.sortOrder === "asc" ? order : -order;
  });
  return sorted.slice(query.offset, query.offset + query.limit);
}

/** `GET …/chats/{chatId}/messages`' filters, sort (newest first by default) and page. */
export function filterMessages(messages: WAMessage[], query: MessagesQuery): WAMessage[] {
  const kept = messages.filter(
    (message) =>
      (query.fromMe === undefined || message.fromMe === query.fromMe) &&
      (query.timestampGte === undefined || message.timestamp >= query.timestampGte) &&
      (query.timestampLte === undefined || message.timestamp <= query.timestampLte) &&
      (query.ack === undefined || message.ack === query.ack),
  );
  return sortAndPage(kept, (message) => message.timestamp, query);
}
