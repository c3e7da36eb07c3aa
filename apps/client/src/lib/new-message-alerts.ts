/** Messages older than this when their event comes are edits, acks or reactions, not new arrivals. */
export const freshForMs = 2 * 60_000;

/** Whether a message event is worth an alert: someone else's new message, in a chat that is not muted. */
export function shouldAlert(params: {
  message: { fromMe: boolean; timestamp: number; deletedAt: unknown };
  chat: { muted: boolean };
  now?: number;
}): boolean {
  const { message, chat, now = Date.now() } = params;
  if (message.fromMe || message.deletedAt !== null || chat.muted) return false;
  return message.timestamp * 1000 >= now - freshForMs;
}

const badgePrefix = /^\(\d+\+?\) /;

/** The page title with the unseen count in front ("(3) NexisChat"), or without one at zero. */
export function badgedTitle(title: string, count: number): string {
  const bare = title.replace(badgePrefix, "");
  if (count <= 0) return bare;
  return `(${count > 99 ? "99+" : count}) ${bare}`;
}

/** The new messages that arrived while the tab was hidden, each counted once however many events it gets. */
export class UnseenMessages {
  private readonly ids = new Set<string>();

  /** Counts the message; false when it was counted already. */
  add(messageId: string): boolean {
    if (this.ids.has(messageId)) return false;
    this.ids.add(messageId);
    return true;
  }

  clear(): void {
    this.ids.clear();
  }

  get count(): number {
    return this.ids.size;
  }
}
