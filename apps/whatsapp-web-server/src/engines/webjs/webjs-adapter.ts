import type { Chat, Contact, GroupChat, Message, Reaction } from "whatsapp-web.js";
import {
  type Ack,
  ackNames,
  type ChatInfo,
  type ChatSummary,
  type GroupInfo,
  type MeInfo,
  type SessionStatus,
  type VCardInput,
  type WAContact,
  type WAMessage,
  type WAMessageAckBody,
  type WAMessageReaction,
} from "../../waha/types.ts";

/**
 * whatsapp-web.js's events and objects in WAHA's shapes: the only place that knows both. The
 * input types keep just the fields read here, so tests pass plain objects shaped like the
 * library's.
 */

export type WebjsMessage = Pick<
  Message,
  "id" | "timestamp" | "from" | "to" | "fromMe" | "author" | "body" | "hasMedia" | "ack" | "type" | "location" | "vCards" | "hasQuotedMsg"
> & { _data?: Record<string, unknown> };

export type WebjsContact = Pick<Contact, "id" | "number" | "name" | "pushname" | "shortName" | "isMe" | "isGroup" | "isUser" | "isWAContact" | "isMyContact" | "isBlocked">;

export type WebjsChat = Pick<Chat, "id" | "name" | "isGroup" | "unreadCount" | "timestamp" | "archived" | "pinned"> & { lastMessage?: WebjsMessage };

/** The raw group metadata whatsapp-web.js keeps beside its getters (`GroupChat.groupMetadata`). */
type GroupMetadata = { subjectOwner?: { _serialized: string }; subjectTime?: number; size?: number; announce?: boolean; restrict?: boolean };

export type WebjsGroup = Pick<GroupChat, "id" | "name" | "owner" | "createdAt" | "description" | "participants"> & { groupMetadata?: GroupMetadata };

export type WebjsReaction = Pick<Reaction, "id" | "timestamp" | "reaction" | "msgId" | "senderId">;

/** Where a message came from: sent through this API, or by the user in any WhatsApp app. */
export type MessageSource = WAMessage["source"];

const mediaTypes = new Set(["image", "video", "audio", "ptt", "document", "sticker"]);

/** A known ack level; whatsapp-web.js may report levels WAHA has no name for, which count as PENDING. */
export function toAck(ack: number): Ack {
  return ack in ackNames ? (ack as Ack) : 0;
}

/** The message a reply quotes, from the raw data whatsapp-web.js keeps (`quotedStanzaID`, `quotedMsg`). */
function replyTo(message: WebjsMessage): WAMessage["replyTo"] {
  const data = message._data ?? {};
  const quoted = data.quotedMsg as { body?: string; type?: string } | undefined;
  const id = data.quotedStanzaID;
  if (!message.hasQuotedMsg || !quoted || typeof id !== "string") return undefined;
  const participant = data.quotedParticipant as { _serialized?: string } | string | undefined;
  return {
    id,
    ...(participant ? { participant: typeof participant === "string" ? participant : participant._serialized } : {}),
    body: quoted.body ?? "",
    hasMedia: mediaTypes.has(quoted.type ?? ""),
  };
}

/**
 * A message's text; for media, its caption. whatsapp-web.js gives a media message's caption as
 * `body` only while the file can be downloaded (`directPath`); otherwise its `body` is the raw
 * one, the base64 thumbnail, which is no text.
 */
function bodyOf(message: WebjsMessage): string {
  if (message.hasMedia || !mediaTypes.has(message.type)) return message.body;
  const caption = message._data?.caption;
  return typeof caption === "string" ? caption : "";
}

/**
 * A whatsapp-web.js `Message` as WAHA's `WAMessage`. Media is `hasMedia` with the caption as
 * `body`, and no `media` object: like WAHA's WEBJS engine before it downloads a file, since this
 * service serves only SANDBOX files (`/api/files`); the type, name and size stay in `_data`
 * (`mimetype`, `filename`, `size`).
 */
export function toWAMessage(message: WebjsMessage, source: MessageSource = "app"): WAMessage {
  const ack = toAck(message.ack);
  const quoted = replyTo(message);
  return {
    id: message.id._serialized,
    timestamp: message.timestamp,
    from: message.from,
    fromMe: message.fromMe,
    source,
    to: message.to,
    // whatsapp-web.js names a group message's sender `author`; WAHA calls it `participant`.
    ...(message.author ? { participant: message.author } : {}),
    body: bodyOf(message),
    hasMedia: message.hasMedia,
    ack,
    ackName: ackNames[ack],
    ...(quoted ? { replyTo: quoted } : {}),
    ...(message.type === "location" && message.location
      ? {
          location: {
            latitude: String(message.location.latitude),
            longitude: String(message.location.longitude),
            live: false,
            ...(message.location.name ? { name: message.location.name } : {}),
            ...(message.location.description ? { description: message.location.description } : {}),
          },
        }
      : {}),
    ...(message.vCards.length > 0 ? { vCards: message.vCards } : {}),
    _data: message._data ?? {},
  };
}

/**
 * A message this service just sent or forwarded (`source: "api"`). whatsapp-web.js counts media
 * only once WhatsApp Web knows where the file is stored (`directPath`), which a fresh send may
 * still lack, so the sender says whether it carries media.
 */
export function toSentMessage(message: WebjsMessage, hasMedia: boolean): WAMessage {
  return { ...toWAMessage(message, "api"), hasMedia };
}

/** The `message.ack` payload. */
export function toAckBody(message: WebjsMessage, ack: number): WAMessageAckBody {
  const level = toAck(ack);
  return {
    id: message.id._serialized,
    from: message.from,
    to: message.to,
    ...(message.author ? { participant: message.author } : {}),
    fromMe: message.fromMe,
    ack: level,
    ackName: ackNames[level],
  };
}

/** The `message.reaction` payload: the reaction is a message of its own, from whoever reacted (`me` is our id). */
export function toReaction(reaction: WebjsReaction, me: string): WAMessageReaction {
  const chatId = reaction.msgId.remote;
  const fromMe = reaction.id.fromMe;
  return {
    id: reaction.id._serialized,
    // whatsapp-web.js gives reaction times in milliseconds, WAHA in seconds.
    timestamp: reaction.timestamp > 1e12 ? Math.floor(reaction.timestamp / 1000) : reaction.timestamp,
    from: fromMe ? me : chatId,
    fromMe,
    source: "app",
    to: fromMe ? chatId : me,
    ...(chatId.endsWith("@g.us") ? { participant: reaction.senderId } : {}),
    reaction: { text: reaction.reaction, messageId: reaction.msgId._serialized },
  };
}

/** The `message.edited` payload: the message with its new text, naming the original by its key. */
export function toEdited(message: WebjsMessage, newBody: string): WAMessage & { editedMessageId: string } {
  return { ...toWAMessage(message), body: newBody, editedMessageId: message.id.id };
}

/** The `message.revoked` payload: the revoke notice, and the message before when still known. */
export function toRevoked(after: WebjsMessage, before: WebjsMessage | null | undefined) {
  const original = before ?? null;
  return {
    revokedMessageId: original ? original.id.id : after.id.id,
    before: original ? toWAMessage(original) : null,
    after: toWAMessage(after),
  };
}

export function toWAContact(contact: WebjsContact): WAContact {
  return {
    id: contact.id._serialized,
    number: contact.number,
    name: contact.name ?? null,
    pushname: contact.pushname || null,
    shortName: contact.shortName ?? null,
    isMe: contact.isMe,
    isGroup: contact.isGroup,
    isUser: contact.isUser,
    isWAContact: contact.isWAContact,
    isMyContact: contact.isMyContact,
    isBlocked: contact.isBlocked,
  };
}

export function toChatInfo(chat: WebjsChat): ChatInfo {
  return {
    id: chat.id._serialized,
    name: chat.name || null,
    isGroup: chat.isGroup,
    unreadCount: chat.unreadCount,
    timestamp: chat.timestamp ?? 0,
    archived: Boolean(chat.archived),
    pinned: Boolean(chat.pinned),
  };
}

/** WAHA's `ChatSummary`; pictures cost a round trip each to WhatsApp, so the overview leaves them null. */
export function toChatSummary(chat: WebjsChat): ChatSummary {
  const info = toChatInfo(chat);
  return { id: info.id, name: info.name, picture: null, lastMessage: chat.lastMessage ? toWAMessage(chat.lastMessage) : null, _chat: info };
}

export function toGroupInfo(group: WebjsGroup, excludeParticipants = false): GroupInfo {
  const metadata = group.groupMetadata ?? {};
  const owner = group.owner?._serialized ?? "";
  return {
    id: group.id._serialized,
    subject: group.name,
    subjectOwner: metadata.subjectOwner?._serialized ?? owner,
    subjectTime: metadata.subjectTime ?? 0,
    desc: group.description ?? "",
    owner,
    creation: Math.floor(group.createdAt.getTime() / 1000),
    size: metadata.size ?? group.participants.length,
    announce: Boolean(metadata.announce),
    restrict: Boolean(metadata.restrict),
    ...(excludeParticipants
      ? {}
      : {
          participants: group.participants.map((participant) => ({
            id: participant.id._serialized,
            admin: participant.isSuperAdmin ? ("superadmin" as const) : participant.isAdmin ? ("admin" as const) : null,
          })),
        }),
  };
}

/** The linked account from whatsapp-web.js's `client.info`. */
export function toMe(info: { wid: { _serialized: string }; pushname: string } | undefined): MeInfo | null {
  return info ? { id: info.wid._serialized, pushName: info.pushname } : null;
}

/**
 * A connection state (`change_state`) as a session status: connected is WORKING, reconnecting is
 * STARTING, and the states WhatsApp Web cannot leave on its own (another device took over, a
 * block, an outdated client) are FAILED. Unpaired states say nothing here: the `disconnected`
 * event that follows them does.
 */
export function statusOfState(state: string): SessionStatus | null {
  switch (state) {
    case "CONNECTED":
      return "WORKING";
    case "OPENING":
    case "PAIRING":
    case "TIMEOUT":
      return "STARTING";
    case "CONFLICT":
    case "PROXYBLOCK":
    case "TOS_BLOCK":
    case "SMB_TOS_BLOCK":
    case "DEPRECATED_VERSION":
      return "FAILED";
    default:
      return null;
  }
}

/** Why a `disconnected` event ended the session, in words for the FAILED reason. */
export function disconnectReason(reason: string): string {
  return reason === "LOGOUT" ? "Logged out from the phone" : `Disconnected from WhatsApp: ${reason}`;
}

/** A pairing code as WhatsApp shows it: `ABCDEFGH` becomes `ABCD-EFGH`. */
export function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
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
