import { type Ack, ackNames, type VCardInput, type WAMessage, type WAMessageAckBody, type WAMessageReaction } from "../../waha/types.ts";
import { newMessageKey } from "./simulated-phone.ts";

/** WAHA's serialized message id: `<fromMe>_<chatId>_<key>`. */
export function messageId(fromMe: boolean, chatId: string, key = newMessageKey()): string {
  return `${fromMe}_${chatId}_${key}`;
}

type MessageInput = { fromMe: boolean; me: string; chatId: string; body: string; key?: string; replyTo?: WAMessage | null };

/** A message in WAHA's `WAMessage` shape, as sent by us (`fromMe`, PENDING) or received from a contact. */
export function textMessage({ fromMe, me, chatId, body, key, replyTo }: MessageInput): WAMessage {
  const ack: Ack = fromMe ? 0 : 1;
  return {
    id: messageId(fromMe, chatId, key),
    timestamp: Math.floor(Date.now() / 1000),
    from: fromMe ? me : chatId,
    fromMe,
    source: fromMe ? "api" : "app",
    to: fromMe ? chatId : me,
    body,
    hasMedia: false,
    ack,
    ackName: ackNames[ack],
    ...(replyTo ? { replyTo: { id: replyTo.id.split("_").at(-1) ?? replyTo.id, participant: replyTo.from, body: replyTo.body, hasMedia: replyTo.hasMedia } } : {}),
    _data: {},
  };
}

/** A location message: WAHA carries the coordinates as strings in `location`. */
export function locationMessage(input: Omit<MessageInput, "body"> & { latitude: number; longitude: number; title: string }): WAMessage {
  return {
    ...textMessage({ ...input, body: "" }),
    location: { latitude: String(input.latitude), longitude: String(input.longitude), live: false, name: input.title, description: input.title },
  };
}

/** Builds a vCard 3.0 from WAHA's `Contact` fields, or passes a ready one through. */
export function toVcard(contact: VCardInput): string {
  if ("vcard" in contact) return contact.vcard;
  const waid = contact.whatsappId ?? contact.phoneNumber.replace(/\D/g, "");
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${contact.fullName}`];
  if (contact.organization) lines.push(`ORG:${contact.organization};`);
  lines.push(`TEL;type=CELL;type=VOICE;waid=${waid}:${contact.phoneNumber}`, "END:VCARD");
  return lines.join("\n");
}

/** A contact card message: one vCard per contact, the first one also in `body` (as WhatsApp Web). */
export function vcardMessage(input: Omit<MessageInput, "body"> & { contacts: VCardInput[] }): WAMessage {
  const vCards = input.contacts.map(toVcard);
  return { ...textMessage({ ...input, body: vCards[0] ?? "" }), vCards };
}

/** The `message.ack` payload for a message reaching a new ack level. */
export function ackBody(message: WAMessage, ack: Ack): WAMessageAckBody {
  return { id: message.id, from: message.from, to: message.to, fromMe: message.fromMe, ack, ackName: ackNames[ack] };
}

/** The `message.reaction` payload: a reaction is itself a message, from whoever reacted. */
export function reactionPayload(input: { fromMe: boolean; me: string; chatId: string; text: string; messageId: string }): WAMessageReaction {
  const { id, timestamp, from, fromMe, source, to } = textMessage({ ...input, body: "" });
  return { id, timestamp, from, fromMe, source, to, reaction: { text: input.text, messageId: input.messageId } };
}

/** The last part of a serialized id (`…_3EB0…`): how WAHA names the original in edit and revoke events. */
const keyOf = (id: string) => id.split("_")[2] ?? id;

/** The `message.edited` payload: the edit is a new message pointing at the original. */
export function editedPayload(me: string, edited: WAMessage): WAMessage & { editedMessageId: string } {
  const chatId = edited.fromMe ? edited.to : edited.from;
  const edit = textMessage({ fromMe: edited.fromMe, me, chatId, body: edited.body });
  return { ...edit, editedMessageId: keyOf(edited.id) };
}

/** The `message.revoked` payload: the message before, and the revoke notice that replaced it. */
export function revokedPayload(me: string, before: WAMessage) {
  const chatId = before.fromMe ? before.to : before.from;
  const after = textMessage({ fromMe: before.fromMe, me, chatId, body: "" });
  return { revokedMessageId: keyOf(before.id), before, after };
}

/**
 * A past message of the phone's history (synced when the session links): ours are READ, a group's
 * carry their author in `participant`.
 */
export function historyMessage(me: string, line: { chatId: string; author: string; body: string; minutesAgo: number }, now: number): WAMessage {
  const fromMe = line.author === "me";
  const message = textMessage({ fromMe, me, chatId: line.chatId, body: line.body });
  const ack: Ack = fromMe ? 3 : 1;
  const inGroup = line.chatId.endsWith("@g.us");
  return {
    ...message,
    timestamp: now - line.minutesAgo * 60,
    source: "app",
    ack,
    ackName: ackNames[ack],
    ...(inGroup ? { participant: fromMe ? me : line.author } : {}),
  };
}
