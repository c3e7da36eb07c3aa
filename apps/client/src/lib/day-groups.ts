/** Messages of one calendar day (in the viewer's time zone), oldest first. */
export interface DayGroup<T> {
  /** `YYYY-MM-DD` in local time; also a stable React key. */
  day: string;
  /** Midnight of that day, for formatting the divider. */
  date: Date;
  items: T[];
}

function localDayKey(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * Groups messages by local day, oldest day first and oldest message first inside a day, whatever
 * order they come in (the API pages newest first). `timestamp` is in seconds, as WhatsApp gives it.
 */
export function groupByDay<T extends { timestamp: number }>(messages: readonly T[]): DayGroup<T>[] {
  const sorted = [...messages].sort((a, b) => a.timestamp - b.timestamp);
  const groups: DayGroup<T>[] = [];
  for (const message of sorted) {
    const date = new Date(message.timestamp * 1000);
    const day = localDayKey(date);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(message);
    else groups.push({ day, date: new Date(date.getFullYear(), date.getMonth(), date.getDate()), items: [message] });
  }
  return groups;
}

/** "today", "yesterday" or the date itself, for a day divider. */
export function relativeDay(date: Date, now: Date = new Date()): "today" | "yesterday" | "other" {
  const today = localDayKey(now);
  if (localDayKey(date) === today) return "today";
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return localDayKey(date) === localDayKey(yesterday) ? "yesterday" : "other";
}
