/** Where the reader was when they scrolled away from the newest messages. */
export interface ReadMark {
  timestamp: number;
  id: string;
}

type Listed = { id: string; timestamp: number; fromMe: boolean; type: string };

/** The newest message of a newest-first list, as a mark. */
export const markOf = (items: readonly Listed[]): ReadMark | null => (items[0] ? { timestamp: items[0].timestamp, id: items[0].id } : null);

/**
 * How many messages from others arrived after `mark` (newest-first `items`), for the badge on the
 * jump button: our own sends and system lines are not news.
 */
export function unseenSince(items: readonly Listed[], mark: ReadMark): number {
  let count = 0;
  for (const item of items) {
    const newer = item.timestamp > mark.timestamp || (item.timestamp === mark.timestamp && item.id > mark.id);
    if (!newer) break;
    if (!item.fromMe && item.type !== "system") count++;
  }
  return count;
}
