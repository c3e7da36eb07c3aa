import type { WAMessage } from "../../waha/types.ts";

/**
 * The session's recent messages by id, so replies and reactions can find their target. Bounded:
 * the oldest are forgotten first.
 */
export class RecentMessages {
  private readonly byId = new Map<string, WAMessage>();

  constructor(private readonly capacity = 1_000) {}

  /** Adds or replaces (an edit keeps the message's place). */
  add(message: WAMessage): void {
    this.byId.set(message.id, message);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  get(id: string): WAMessage | null {
    return this.byId.get(id) ?? null;
  }

  /** Oldest first. */
  all(): WAMessage[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
  }
}
