import { getLocale } from "@nexis/i18n/runtime";
import { clientEnv } from "../env.ts";

/** A stored file's address on the API (served to members only, with the session cookie). */
export const mediaUrl = (mediaId: string) => `${clientEnv.serverUrl}/media/${encodeURIComponent(mediaId)}`;

/** `1536` → `1.5 KB`, in the reader's locale. */
export function formatBytes(bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(getLocale(), { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** The name and first phone number of a vCard (WhatsApp's contact cards), or null. */
export function parseVcard(text: string | null): { name: string; phone: string | null } | null {
  if (!text?.includes("BEGIN:VCARD")) return null;
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const value = (prefix: RegExp) => lines.find((line) => prefix.test(line))?.split(":").slice(1).join(":").trim() ?? null;
  const name = value(/^FN[;:]/i) ?? value(/^N[;:]/i)?.split(";").filter(Boolean).reverse().join(" ") ?? null;
  const phone = value(/^(item\d+\.)?TEL[;:]/i);
  return name ? { name: name.replace(/\\([,;\\])/g, "$1"), phone } : null;
}

/** An OpenStreetMap link centred on a place. */
export const mapUrl = (latitude: number, longitude: number) => `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
