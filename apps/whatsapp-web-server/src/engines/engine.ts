import type { EngineName } from "./engine-name.ts";
import type {
  ChatInfo,
  ChatPresences,
  ChatRequest,
  ChatsQuery,
  ChatSummary,
  EditMessageRequest,
  ForwardMessageRequest,
  GroupInfo,
  LidToPhoneNumber,
  ListQuery,
  MeInfo,
  MessageRef,
  MessagesQuery,
  Pagination,
  ReactionRequest,
  SendContactVcardRequest,
  SendLocationRequest,
  SendMediaRequest,
  SendSeenRequest,
  SendTextRequest,
  SessionStatus,
  SetPresenceRequest,
  NumberExistResult,
  GroupSecuritySetting,
  ParticipantChange,
  WAContact,
  WAMessage,
  WebhookEventName,
} from "../waha/types.ts";

/** Thrown by an optional engine operation the engine does not support; routes answer 501. */
export class NotImplementedByEngineError extends Error {
  constructor(
    readonly engine: EngineName,
    readonly operation: string,
  ) {
    super(`The ${engine} engine does not implement ${operation}`);
    this.name = "NotImplementedByEngineError";
  }
}

/** What an engine session tells the outside world: status changes and WAHA events. */
export type EngineEvents = {
  /** The session's status changed; `reason` explains a FAILED one. */
  status(status: SessionStatus, reason?: string): void;
  /** A WAHA event (`message`, `message.ack`, …) with its payload, ready for the webhooks. */
  event(event: WebhookEventName, payload: unknown): void;
};

/** A QR code to link a device: the raw value (what the phone reads) and its PNG rendering. */
export type QRCode = { value: string; png: () => Promise<Buffer> };

/**
 * One WhatsApp session on one engine (WAHA's `WhatsappSession`). Routes only call these methods;
 * each engine keeps its own lifecycle, messaging and mapping to WAHA's shapes in its own files.
 * Operations an engine does not support throw `NotImplementedByEngineError` (see
 * `EngineSessionBase`).
 */
export interface EngineSession {
  readonly engine: EngineName;
  readonly status: SessionStatus;
  /** Connects: goes STARTING, then SCAN_QR_CODE (not linked) or WORKING (linked), or FAILED. */
  start(): Promise<void>;
  /** Disconnects and frees the session's resources; the link (auth state) is kept. */
  stop(): Promise<void>;
  /** Unlinks the device and forgets the auth state; the session is left STOPPED. */
  logout(): Promise<void>;
  /** The current QR code; throws `SessionStatusError` unless the status is SCAN_QR_CODE. */
  getQR(): QRCode;
  /** Requests a pairing code for linking by phone number instead of a QR code. */
  requestCode(phoneNumber: string, method?: string): Promise<{ code: string }>;
  /** The linked account, or null while not linked. */
  me(): MeInfo | null;
  /** Sends a text; with `reply_to`, a reply (WAHA's `/api/reply` too). */
  sendText(request: SendTextRequest): Promise<WAMessage>;
  sendLocation(request: SendLocationRequest): Promise<WAMessage>;
  sendContactVcard(request: SendContactVcardRequest): Promise<WAMessage>;
  /** Sends an image, file, voice note or video; the answer's `media.url` serves the file. */
  sendMedia(request: SendMediaRequest): Promise<WAMessage>;
  /** Forwards a message (with its media) to another chat. */
  forwardMessage(request: ForwardMessageRequest): Promise<WAMessage>;
  /** Reacts to a message with an emoji; an empty `reaction` removes ours. */
  setReaction(request: ReactionRequest): Promise<void>;
  /** Edits one of our messages; `message.edited` follows. */
  editMessage(request: EditMessageRequest): Promise<void>;
  /** Deletes one of our messages for everyone; `message.revoked` follows. */
  deleteMessage(request: MessageRef): Promise<void>;
  getMessage(request: MessageRef): Promise<WAMessage>;
  sendSeen(request: SendSeenRequest): Promise<void>;
  startTyping(request: ChatRequest): Promise<void>;
  stopTyping(request: ChatRequest): Promise<void>;
  setPresence(request: SetPresenceRequest): Promise<void>;
  /** The presences seen, per chat. */
  getPresences(): Promise<ChatPresences[]>;
  getPresence(chatId: string): Promise<ChatPresences>;
  getChats(query: ChatsQuery): Promise<ChatInfo[]>;
  /** Chats with their last message, newest first; `ids` keeps only those chats. */
  getChatsOverview(query: Pagination & { ids?: string[] }): Promise<ChatSummary[]>;
  getMessages(chatId: string, query: MessagesQuery): Promise<WAMessage[]>;
  /** Marks a chat's unread messages read; answers their ids. */
  readMessages(chatId: string): Promise<{ ids: string[] }>;
  /** Archives or unarchives a chat; `chat.archive` follows. */
  setArchived(chatId: string, archived: boolean): Promise<void>;
  /** Marks a chat unread (its last message, as the phone's "mark as unread"). */
  markUnread(chatId: string): Promise<void>;
  /** Clears a chat's messages. */
  clearMessages(chatId: string): Promise<void>;
  /** Deletes a chat: its messages and marks. */
  deleteChat(chatId: string): Promise<void>;
  /** The account's contacts (the address book). */
  getContacts(query: ListQuery): Promise<WAContact[]>;
  /** One contact by id; a WhatsApp user outside the address book answers with `isMyContact: false`. */
  getContact(contactId: string): Promise<WAContact>;
  /** Whether a phone number is on WhatsApp, with its chat id. */
  checkNumber(phone: string): Promise<NumberExistResult>;
  /** A contact's or group's picture URL, null when it has none. */
  getProfilePicture(contactId: string): Promise<{ profilePictureURL: string | null }>;
  /** A contact's "about" text, null when hidden or unknown. */
  getAbout(contactId: string): Promise<{ about: string | null }>;
  /** The groups the account is in, keyed by group id (WAHA's document types the answer as an object). */
  getGroups(query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>>;
  getGroup(groupId: string): Promise<GroupInfo>;
  getGroupsCount(): Promise<number>;
  /** Creates a group we own with these members; `group.v2.join` follows. */
  createGroup(subject: string, participantIds: string[]): Promise<GroupInfo>;
  /** `group.v2.update` follows. */
  setGroupSubject(groupId: string, subject: string): Promise<void>;
  setGroupDescription(groupId: string, description: string): Promise<void>;
  getGroupParticipants(groupId: string): Promise<Array<{ id: string; admin: "admin" | "superadmin" | null }>>;
  /** Adds, removes, promotes or demotes members (admins only); `group.v2.participants` follows. */
  changeGroupParticipants(groupId: string, change: ParticipantChange, participantIds: string[]): Promise<void>;
  /** `group.v2.leave` follows. */
  leaveGroup(groupId: string): Promise<void>;
  /** The invite link (`https://chat.whatsapp.com/<code>`). */
  getGroupInviteLink(groupId: string): Promise<string>;
  /** A new invite link; the old one stops working. */
  revokeGroupInvite(groupId: string): Promise<string>;
  /** Whether only admins edit the group's info (`info`) or send to it (`messages`). */
  getGroupAdminsOnly(groupId: string, setting: GroupSecuritySetting): Promise<boolean>;
  /** Changes an admins-only setting (admins only); `group.v2.update` follows. */
  setGroupAdminsOnly(groupId: string, setting: GroupSecuritySetting, adminsOnly: boolean): Promise<void>;
  setContactBlocked(contactId: string, blocked: boolean): Promise<void>;
  /** Saves a contact's name in the address book. */
  setContactName(contactId: string, firstName: string, lastName: string): Promise<void>;
  /** The hidden ids (`<n>@lid`) the account knows with their phone ids, a page at a time. */
  getAllLids(query: Pagination): Promise<Array<Required<LidToPhoneNumber>>>;
  getLidsCount(): Promise<number>;
  /** The phone id (`<digits>@c.us`) behind a hidden id, null when unknown. */
  findPNByLid(lid: string): Promise<string | null>;
  /** The hidden id of a phone id (`<digits>@c.us`), null when unknown. */
  findLIDByPhoneNumber(phoneId: string): Promise<string | null>;
}

/** The base every engine extends: optional operations default to "not implemented". */
export abstract class EngineSessionBase implements EngineSession {
  abstract readonly engine: EngineName;
  abstract readonly status: SessionStatus;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract logout(): Promise<void>;
  abstract getQR(): QRCode;
  abstract me(): MeInfo | null;

  protected notImplemented(operation: string): never {
    throw new NotImplementedByEngineError(this.engine, operation);
  }

  async requestCode(_phoneNumber: string, _method?: string): Promise<{ code: string }> {
    this.notImplemented("requestCode");
  }

  async sendText(_request: SendTextRequest): Promise<WAMessage> {
    this.notImplemented("sendText");
  }

  async sendLocation(_request: SendLocationRequest): Promise<WAMessage> {
    this.notImplemented("sendLocation");
  }

  async sendContactVcard(_request: SendContactVcardRequest): Promise<WAMessage> {
    this.notImplemented("sendContactVcard");
  }

  async sendMedia(_request: SendMediaRequest): Promise<WAMessage> {
    this.notImplemented("sendMedia");
  }

  async forwardMessage(_request: ForwardMessageRequest): Promise<WAMessage> {
    this.notImplemented("forwardMessage");
  }

  async setReaction(_request: ReactionRequest): Promise<void> {
    this.notImplemented("setReaction");
  }

  async editMessage(_request: EditMessageRequest): Promise<void> {
    this.notImplemented("editMessage");
  }

  async deleteMessage(_request: MessageRef): Promise<void> {
    this.notImplemented("deleteMessage");
  }

  async getMessage(_request: MessageRef): Promise<WAMessage> {
    this.notImplemented("getMessage");
  }

  async sendSeen(_request: SendSeenRequest): Promise<void> {
    this.notImplemented("sendSeen");
  }

  async startTyping(_request: ChatRequest): Promise<void> {
    this.notImplemented("startTyping");
  }

  async stopTyping(_request: ChatRequest): Promise<void> {
    this.notImplemented("stopTyping");
  }

  async setPresence(_request: SetPresenceRequest): Promise<void> {
    this.notImplemented("setPresence");
  }

  async getPresences(): Promise<ChatPresences[]> {
    this.notImplemented("getPresences");
  }

  async getPresence(_chatId: string): Promise<ChatPresences> {
    this.notImplemented("getPresence");
  }

  async getChats(_query: ChatsQuery): Promise<ChatInfo[]> {
    this.notImplemented("getChats");
  }

  async getChatsOverview(_query: Pagination & { ids?: string[] }): Promise<ChatSummary[]> {
    this.notImplemented("getChatsOverview");
  }

  async getMessages(_chatId: string, _query: MessagesQuery): Promise<WAMessage[]> {
    this.notImplemented("getMessages");
  }

  async readMessages(_chatId: string): Promise<{ ids: string[] }> {
    this.notImplemented("readMessages");
  }

  async setArchived(_chatId: string, _archived: boolean): Promise<void> {
    this.notImplemented("setArchived");
  }

  async markUnread(_chatId: string): Promise<void> {
    this.notImplemented("markUnread");
  }

  async clearMessages(_chatId: string): Promise<void> {
    this.notImplemented("clearMessages");
  }

  async deleteChat(_chatId: string): Promise<void> {
    this.notImplemented("deleteChat");
  }

  async getContacts(_query: ListQuery): Promise<WAContact[]> {
    this.notImplemented("getContacts");
  }

  async getContact(_contactId: string): Promise<WAContact> {
    this.notImplemented("getContact");
  }

  async checkNumber(_phone: string): Promise<NumberExistResult> {
    this.notImplemented("checkNumber");
  }

  async getProfilePicture(_contactId: string): Promise<{ profilePictureURL: string | null }> {
    this.notImplemented("getProfilePicture");
  }

  async getAbout(_contactId: string): Promise<{ about: string | null }> {
    this.notImplemented("getAbout");
  }

  async getGroups(_query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>> {
    this.notImplemented("getGroups");
  }

  async getGroup(_groupId: string): Promise<GroupInfo> {
    this.notImplemented("getGroup");
  }

  async getGroupsCount(): Promise<number> {
    this.notImplemented("getGroupsCount");
  }

  async createGroup(_subject: string, _participantIds: string[]): Promise<GroupInfo> {
    this.notImplemented("createGroup");
  }

  async setGroupSubject(_groupId: string, _subject: string): Promise<void> {
    this.notImplemented("setGroupSubject");
  }

  async setGroupDescription(_groupId: string, _description: string): Promise<void> {
    this.notImplemented("setGroupDescription");
  }

  async getGroupParticipants(_groupId: string): Promise<Array<{ id: string; admin: "admin" | "superadmin" | null }>> {
    this.notImplemented("getGroupParticipants");
  }

  async changeGroupParticipants(_groupId: string, _change: ParticipantChange, _participantIds: string[]): Promise<void> {
    this.notImplemented("changeGroupParticipants");
  }

  async leaveGroup(_groupId: string): Promise<void> {
    this.notImplemented("leaveGroup");
  }

  async getGroupInviteLink(_groupId: string): Promise<string> {
    this.notImplemented("getGroupInviteLink");
  }

  async revokeGroupInvite(_groupId: string): Promise<string> {
    this.notImplemented("revokeGroupInvite");
  }

  async getGroupAdminsOnly(_groupId: string, _setting: GroupSecuritySetting): Promise<boolean> {
    this.notImplemented("getGroupAdminsOnly");
  }

  async setGroupAdminsOnly(_groupId: string, _setting: GroupSecuritySetting, _adminsOnly: boolean): Promise<void> {
    this.notImplemented("setGroupAdminsOnly");
  }

  async setContactBlocked(_contactId: string, _blocked: boolean): Promise<void> {
    this.notImplemented("setContactBlocked");
  }

  async setContactName(_contactId: string, _firstName: string, _lastName: string): Promise<void> {
    this.notImplemented("setContactName");
  }

  async getAllLids(_query: Pagination): Promise<Array<Required<LidToPhoneNumber>>> {
    this.notImplemented("getAllLids");
  }

  async getLidsCount(): Promise<number> {
    this.notImplemented("getLidsCount");
  }

  async findPNByLid(_lid: string): Promise<string | null> {
    this.notImplemented("findPNByLid");
  }

  async findLIDByPhoneNumber(_phoneId: string): Promise<string | null> {
    this.notImplemented("findLIDByPhoneNumber");
  }
}

/** Everything an engine needs to build a session. */
export type EngineSessionContext = { name: string; events: EngineEvents };

/** Builds sessions of one engine; the factory picks one per session by `config.engine`. */
export type EngineFactory = (context: EngineSessionContext) => EngineSession;
