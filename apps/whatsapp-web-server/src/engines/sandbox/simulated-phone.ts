import { createHash, randomBytes } from "node:crypto";

/**
 * The simulated phone number a session links to: derived from the session name, so the same
 * session always gets the same number (stable ids across test runs and restarts). `1555` is the
 * North American fictional-number range, so it never names a real person.
 */
export function simulatedPhoneNumber(session: string): string {
  const digest = createHash("sha256").update(`sandbox:${session}`).digest();
  const digits = String(digest.readUInt32BE(0) % 10_000_000).padStart(7, "0");
  return `1555${digits}`;
}

/** A person's chat id (`<digits>@c.us`) from a phone number, ignoring a leading `+`. */
export function chatIdOf(phone: string): string {
  return `${phone.replace(/^\+/, "")}@c.us`;
}

/**
 * A QR value shaped like WhatsApp Web's (`2@<ref>,<noise key>,<identity key>,<adv secret>`),
 * random each time, as each rotation brings a new ref.
 */
export function newQrValue(): string {
  const part = (bytes: number) => randomBytes(bytes).toString("base64");
  return `2@${part(36)},${part(32)},${part(32)},${part(32)}`;
}

/** An 8-character pairing code as WhatsApp shows it (`ABCD-EFGH`). */
export function newPairingCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789";
  const chars = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** A message id like WhatsApp Web's own (`3EB0` and 18 upper-case hex digits). */
export function newMessageKey(): string {
  return `3EB0${randomBytes(9).toString("hex").toUpperCase()}`;
}
