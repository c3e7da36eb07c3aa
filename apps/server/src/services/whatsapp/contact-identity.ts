import type { MessagePayload } from "./webhook-payloads.ts";

/**
 * WhatsApp's two names for one person: the phone id (`<digits>@c.us`) and the hidden id
 * (`<n>@lid`). Engines reveal both in different places of a message's raw `_data`: NOWEB
 * (Baileys) in `key.remoteJidAlt`/`key.participantAlt` (older: `senderPn`, `participantPn`),
 * GOWS (whatsmeow) in `Info.SenderAlt`/`Info.RecipientAlt`, as `…@s.whatsapp.net` with a
 * device suffix at times. This reads them all and answers one pair per side of the message.
 */

/** `5511…:12@s.whatsapp.net` → `5511…@c.us`, `123:4@lid` → `123@lid`; other ids as they are. */
export function normalizeWaId(id: string): string {
  const match = /^(\d+)(?::\d+)?@(c\.us|s\.whatsapp\.net|lid)$/.exec(id.trim());
  if (!match) return id;
  return `${match[1]}@${match[2] === "lid" ? "lid" : "c.us"}`;
}

export const isLid = (id: string) => /^\d+@lid$/.test(id);
export const isPhoneId = (id: string) => /^\d{5,20}@c\.us$/.test(id);

export interface IdentityHint {
  pn: string;
  lid: string;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 && value.length <= 100 ? normalizeWaId(value) : null);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

/** The pair among these ids: one phone id and one hidden id, or null when both are not there. */
function pairOf(ids: (string | null)[]): IdentityHint | null {
  const present = ids.filter((id): id is string => id !== null);
  const pn = present.find(isPhoneId);
  const lid = present.find(isLid);
  return pn && lid ? { pn, lid } : null;
}

/**
 * What a message reveals of the people in it: `chat` for the other person of a one-to-one chat,
 * `author` for a group message's sender. Null where only one of the two ids is known.
 */
export function messageIdentities(payload: MessagePayload): { chat: IdentityHint | null; author: IdentityHint | null } {
  const data = record(payload._data);
  const key = record(data.key);
  const info = record(data.Info);
  const chatId = payload.fromMe ? (payload.to ?? payload.from) : payload.from;
  const isGroup = chatId.endsWith("@g.us");
  if (isGroup) {
    return {
      chat: null,
      author: pairOf([
        text(payload.participant),
        text(key.participant),
        text(key.participantAlt),
        text(key.participantPn),
        text(key.participantLid),
        text(info.Sender),
        text(info.SenderAlt),
      ]),
    };
  }
  const gows = payload.fromMe ? [text(info.Chat), text(info.RecipientAlt)] : [text(info.Chat), text(info.Sender), text(info.SenderAlt)];
  return {
    chat: pairOf([text(chatId), text(key.remoteJid), text(key.remoteJidAlt), text(key.senderPn), text(key.senderLid), ...gows]),
    author: null,
  };
}

/** WAHA's message id: `<fromMe>_<chat>_<key>`, and `_<participant>` after it in groups. */
const messageIdPattern = /^(true|false)_([^_]+)_([^_]+)(?:_(.+))?$/;

/** The hidden ids a message id names (its chat, its group participant), to look up their phones. */
export function lidsInMessageId(id: string): string[] {
  const match = messageIdPattern.exec(id);
  if (!match) return [];
  return [match[2], match[4]].filter((part): part is string => part !== undefined).map(normalizeWaId).filter(isLid);
}

/**
 * The one id we store a message under, whichever of the person's two ids WhatsApp used in it:
 * the chat and participant parts in phone form when the phone is known (`phoneOf`), so the same
 * message reported as `false_123@lid_KEY` and as `false_5511…@c.us_KEY` is stored once, and its
 * acks and reactions find it in either form.
 */
export function canonicalMessageId(id: string, phoneOf: (lid: string) => string | undefined): string {
  const match = messageIdPattern.exec(id);
  if (!match) return id;
  const [, fromMe, chatPart = "", key, participant] = match;
  const phone = (part: string) => {
    const normalized = normalizeWaId(part);
    return isLid(normalized) ? (phoneOf(normalized) ?? part) : part;
  };
  return `${fromMe}_${phone(chatPart)}_${key}${participant === undefined ? "" : `_${phone(participant)}`}`;
}
