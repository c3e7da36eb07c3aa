/**
 * WAHA's shapes as TypeScript types (openapi.json's component schemas of the same names). The
 * contract test checks the real responses against the schemas themselves.
 */

export const sessionStatuses = ["STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export type MeInfo = { id: string; pushName: string; lid?: string; jid?: string };

/** Message acknowledgement levels; only ever move forward. */
export const ackNames = { [-1]: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED" } as const;
export type Ack = keyof typeof ackNames;

export type WAMessage = {
  id: string;
  timestamp: number;
  from: string;
  fromMe: boolean;
  source: "api" | "app";
  to: string;
  participant?: string;
  body: string;
  hasMedia: boolean;
  /** Where to download the media (WAHA's `WAMedia`); present when `hasMedia`. */
  media?: WAMedia | null;
  /** Deprecated in WAHA in favour of `media.url`; still sent for older clients. */
  mediaUrl?: string;
  ack: Ack;
  ackName: string;
  replyTo?: { id: string; participant?: string; body?: string; hasMedia: boolean };
  location?: { latitude: string; longitude: string; live: boolean; name?: string; description?: string };
  vCards?: string[];
  _data?: Record<string, unknown>;
};

/** WAHA's `WAMedia`: a message's file, served by `GET /api/files/{session}/{file}`. */
export type WAMedia = { url: string; mimetype: string; filename?: string };

/** The four media sends: `/api/sendImage`, `/api/sendFile`, `/api/sendVoice`, `/api/sendVideo`. */
export const mediaKinds = ["image", "file", "voice", "video"] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** A file ready to send: its bytes (downloaded from `url` or decoded from `data`), type and name. */
export type MediaFile = { bytes: Uint8Array; mimetype: string; filename: string | null };

export type SendMediaRequest = ChatRequest & { kind: MediaKind; file: MediaFile; caption?: string; reply_to?: string; id?: string };

/** WAHA's `MessageForwardRequest`. */
export type ForwardMessageRequest = ChatRequest & { messageId: string; id?: string };

export type WAMessageAckBody = Pick<WAMessage, "id" | "from" | "to" | "participant" | "fromMe" | "ack" | "ackName">;

export type SendTextRequest = { session: string; chatId: string; text: string; reply_to?: string; id?: string };

export type SendLocationRequest = ChatRequest & { latitude: number; longitude: number; title: string; reply_to?: string; id?: string };

/** A contact card: a ready vCard, or the fields to build one (WAHA's `VCardContact` | `Contact`). */
export type VCardInput = { vcard: string } | { fullName: string; phoneNumber: string; organization?: string; whatsappId?: string };

export type SendContactVcardRequest = ChatRequest & { contacts: VCardInput[]; reply_to?: string; id?: string };

export type ReactionRequest = { session: string; messageId: string; reaction: string };

/** WAHA's `ChatRequest`: a session and a chat. */
export type ChatRequest = { session: string; chatId: string };

/** WAHA's `WAMessageReaction`: the payload of `message.reaction`. */
export type WAMessageReaction = Pick<WAMessage, "id" | "timestamp" | "from" | "fromMe" | "source" | "to" | "participant"> & {
  reaction: { text: string; messageId: string };
};

/** A message in a chat, as the `/api/{session}/chats/{chatId}/messages/{messageId}` routes name it. */
export type MessageRef = ChatRequest & { messageId: string };

/** WAHA's `EditMessageRequest`, with the message it edits. */
export type EditMessageRequest = MessageRef & { text: string };

export const presenceStatuses = ["offline", "online", "typing", "recording", "paused"] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

/** WAHA's `WAHAChatPresences`: who in a chat is online, typing, … (the `presence.update` payload too). */
export type ChatPresences = {
  id: string;
  presences: Array<{ participant: string; lastKnownPresence: PresenceStatus; lastSeen?: number }>;
};

/** WAHA's `WAHASessionPresence`: our own presence, globally or in one chat. */
export type SetPresenceRequest = { presence: PresenceStatus; chatId?: string };

/** A chat as `GET /api/{session}/chats` lists it (WAHA leaves the shape to the engine; ours is flat). */
export type ChatInfo = { id: string; name: string | null; isGroup: boolean; unreadCount: number; timestamp: number; archived: boolean; pinned: boolean };

/** WAHA's `ChatSummary` (`/chats/overview`). */
export type ChatSummary = { id: string; name: string | null; picture: string | null; lastMessage: WAMessage | null; _chat: ChatInfo };

export type Pagination = { limit: number; offset: number };

export type ChatsQuery = Pagination & { sortBy: "conversationTimestamp" | "id" | "name"; sortOrder: "asc" | "desc" };

/** `GET /api/{session}/chats/{chatId}/messages`'s query: newest first by default. */
export type MessagesQuery = Pagination & {
  sortOrder: "asc" | "desc";
  fromMe?: boolean;
  timestampGte?: number;
  timestampLte?: number;
  ack?: Ack;
};

export type SendSeenRequest = { session: string; chatId: string; messageIds?: string[]; messageId?: string };

/** The webhook events this service emits (a subset of WAHA's `WebhookEvent` enum). */
export const webhookEventNames = [
  "session.status",
  "message",
  "message.any",
  "message.ack",
  "message.reaction",
  "message.revoked",
  "message.edited",
  "presence.update",
  "chat.archive",
  "group.v2.update",
  "group.v2.join",
  "group.v2.leave",
  "group.v2.participants",
] as const;
export type WebhookEventName = (typeof webhookEventNames)[number];

/** A contact as WAHA's WEBJS engine answers it (`/api/contacts*`). */
export type WAContact = {
  id: string;
  number: string;
  name: string | null;
  pushname: string | null;
  shortName: string | null;
  isMe: boolean;
  isGroup: boolean;
  isUser: boolean;
  isWAContact: boolean;
  isMyContact: boolean;
  isBlocked: boolean;
};

/** `GET /api/contacts/all` and `GET /api/{session}/groups`: sorted and paged. */
export type ListQuery = Pagination & { sortBy?: "id" | "name"; sortOrder: "asc" | "desc" };

/**
 * WAHA's `LidToPhoneNumber`: a hidden id (`<n>@lid`) and the phone id (`<digits>@c.us`) behind
 * it. WAHA's document makes both optional: an unknown one is left out, never null.
 */
export type LidToPhoneNumber = { lid?: string; pn?: string };

/** WAHA's `WANumberExistResult`. */
export type NumberExistResult = { numberExists: boolean; chatId?: string };

/** A group's metadata as WAHA answers it (`GET /api/{session}/groups/{id}`, NOWEB's `GroupMetadata` fields). */
export type GroupInfo = {
  id: string;
  subject: string;
  subjectOwner: string;
  subjectTime: number;
  desc: string;
  owner: string;
  creation: number;
  size: number;
  announce: boolean;
  restrict: boolean;
  participants?: Array<{ id: string; admin: "admin" | "superadmin" | null }>;
};

/** A group member as `GET /api/{session}/groups/{id}/participants/v2` and `group.v2.*` events show it. */
export type GroupParticipant = { id: string; role: "left" | "participant" | "admin" | "superadmin" };

/** A group's admins-only settings: who edits its info (`info`, WAHA's `restrict`) and who sends (`messages`, `announce`). */
export type GroupSecuritySetting = "info" | "messages";

/** The group mutations (`POST …/participants/add|remove`, `POST …/admin/promote|demote`). */
export type ParticipantChange = "add" | "remove" | "promote" | "demote";
