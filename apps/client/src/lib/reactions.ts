/** One emoji under a bubble: how many reacted with it, and whether we (`me`) are among them. */
export interface ReactionGroup {
  emoji: string;
  count: number;
  mine: boolean;
}

/** The key the API stores our own reaction under (see the message table's `reactions`). */
export const myReactionKey = "me";

/**
 * Groups `{ who: emoji }` into one chip per emoji, most used first (ties keep the order they came
 * in); empty values are reactions taken away.
 */
export function groupReactions(reactions: Record<string, string> | null | undefined): ReactionGroup[] {
  const groups = new Map<string, ReactionGroup>();
  for (const [who, emoji] of Object.entries(reactions ?? {})) {
    if (!emoji) continue;
    const group = groups.get(emoji) ?? { emoji, count: 0, mine: false };
    group.count += 1;
    group.mine ||= who === myReactionKey;
    groups.set(emoji, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** What `message.react` should send when we pick `emoji`: picking our current one takes it away. */
export function nextReaction(reactions: Record<string, string> | null | undefined, emoji: string): string {
  return reactions?.[myReactionKey] === emoji ? "" : emoji;
}

/** Our reaction set (or taken away, `""`) at once, before the webhook confirms it. */
export function withMyReaction(reactions: Record<string, string>, emoji: string): Record<string, string> {
  const { [myReactionKey]: _previous, ...others } = reactions;
  return emoji ? { ...others, [myReactionKey]: emoji } : others;
}

/** The quick choices of the reaction picker, as WhatsApp offers them. */
export const quickReactions = ["👍", "❤️", "😂", "😮", "😢", "🙏"] as const;
