import { getLocale } from "@nexis/i18n/runtime";

/** A chat list time: the hour today, the date otherwise. */
export function formatListTime(value: string | Date | null, now: Date = new Date()): string {
  if (!value) return "";
  const date = new Date(value);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString(getLocale(), { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(getLocale(), { day: "2-digit", month: "2-digit" });
}

/** A bubble's time from WhatsApp's seconds. */
export function formatMessageTime(timestamp: number): string {
  return new Date(timestamp * 1000).toLocaleTimeString(getLocale(), { hour: "2-digit", minute: "2-digit" });
}

/** A day divider's date. */
export function formatDay(date: Date): string {
  return date.toLocaleDateString(getLocale(), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** A note's date and time, short. */
export function formatNoteTime(value: string | Date): string {
  return new Date(value).toLocaleString(getLocale(), { dateStyle: "short", timeStyle: "short" });
}
