import type { Chat } from "./api-types.ts";

/** The name to show for a chat: the contact's saved name, their push name, the chat's name, the number. */
export function chatTitle(chat: Pick<Chat, "name" | "contact" | "waChatId">): string {
  return chat.contact?.name ?? chat.contact?.pushName ?? chat.name ?? chat.contact?.phoneNumber ?? chat.waChatId;
}

/** Up to two initials for the avatar ("Ana Souza" → "AS"; a number → its last two digits). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return name.replace(/\D/g, "").slice(-2) || "?";
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}
