/**
 * The composer's emoji: the ones support conversations use most, kept short so the picker is a
 * single glance (a full catalogue would be a heavy dependency for little use; the phone's
 * keyboard has the rest).
 */
export const commonEmoji = [
  "😀", "😂", "😊", "😍", "🥰", "😉", "😎", "🤔",
  "😅", "😢", "😭", "😡", "😮", "🙄", "😴", "🤝",
  "👍", "👎", "👏", "🙏", "💪", "👋", "👌", "✌️",
  "❤️", "💔", "🔥", "✨", "🎉", "🎁", "⭐", "💯",
  "✅", "❌", "⚠️", "⏰", "📦", "🚚", "💰", "📞",
] as const;

/** `text` with `snippet` replacing the selection `start..end` (or at the caret when they are equal). */
export function insertAtSelection(text: string, start: number, end: number, snippet: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet + text.slice(to), caret: from + snippet.length };
}
