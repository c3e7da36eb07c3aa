import { type Chat, type Client, Location, type Message } from "whatsapp-web.js";
import { notFound } from "../../errors.ts";
import type {
  ChatInfo,
  ChatsQuery,
  ChatSummary,
  ForwardMessageRequest,
  GroupInfo,
  ListQuery,
  MessageRef,
  MessagesQuery,
  NumberExistResult,
  Pagination,
  PresenceStatus,
  SendContactVcardRequest,
  SendLocationRequest,
  SendMediaRequest,
  SendTextRequest,
  WAContact,
  WAMessage,
} from "../../waha/types.ts";
import { type MessageSource, toChatInfo, toChatSummary, toGroupInfo, toSentMessage, toVcard, toWAContact, toWAMessage, type WebjsGroup } from "./webjs-adapter.ts";
import { forwardMessage } from "./webjs-forward.ts";
import { filterMessages, sortAndPage } from "./webjs-lists.ts";
import { mediaSendOptions, toMessageMedia } from "./webjs-media.ts";

/** How many ids of messages sent through the API we remember, to tell `source: "api"` from "app". */
const rememberedSends = 1_000;

/**
 * A WORKING WEBJS session's operations, each a call into whatsapp-web.js whose answer the adapter
 * turns into WAHA's shape. `client()` throws (422) unless the session is WORKING.
 */
export class WebjsMessaging {
  private readonly sentIds = new Set<string>();

  constructor(private readonly client: () => Client) {}

  /** Whether a message went out through this API (WAHA's `source`). */
  sourceOf(messageId: string): MessageSource {
    return this.sentIds.has(messageId) ? "api" : "app";
  }

  async sendText(request: SendTextRequest): Promise<WAMessage> {
    return this.send(request.chatId, request.text, request.reply_to);
  }

  async sendLocation(request: SendLocationRequest): Promise<WAMessage> {
    return this.send(request.chatId, new Location(request.latitude, request.longitude, { name: request.title }), request.reply_to);
  }

  /** One message per card: whatsapp-web.js sends a vCard string as a contact card, not a list of them. */
  async sendContactVcard(request: SendContactVcardRequest): Promise<WAMessage> {
    let last: WAMessage | null = null;
    for (const contact of request.contacts) last = await this.send(request.chatId, toVcard(contact), request.reply_to);
    if (!last) throw notFound("No contact to send");
    return last;
  }

  /** An image, file (as a document), voice note or video, with its caption; answered with `hasMedia: true`. */
  async sendMedia(request: SendMediaRequest): Promise<WAMessage> {
    const message = await this.client().sendMessage(request.chatId, toMessageMedia(request.file), mediaSendOptions(request));
    this.remember(message.id._serialized);
    return toSentMessage(message, true);
  }

  /** Forwards a message (404 for an unknown one or chat) and answers the copy in the target chat. */
  async forward(request: ForwardMessageRequest): Promise<WAMessage> {
    const original = await this.message(request.messageId);
    const copy = await forwardMessage(original, await this.chat(request.chatId));
    this.remember(copy.id._serialized);
    return toSentMessage(copy, copy.hasMedia || original.hasMedia);
  }

  async react(messageId: string, reaction: string): Promise<void> {
    await (await this.message(messageId)).react(reaction);
  }

  async edit(ref: MessageRef, text: string): Promise<void> {
    await (await this.messageIn(ref)).edit(text);
  }

  async revoke(ref: MessageRef): Promise<void> {
    await (await this.messageIn(ref)).delete(true);
  }

  async get(ref: MessageRef): Promise<WAMessage> {
    const message = await this.messageIn(ref);
    return toWAMessage(message, this.sourceOf(message.id._serialized));
  }

  async sendSeen(chatId: string): Promise<void> {
    await this.client().sendSeen(chatId);
  }

  /** Our presence: globally (online, offline) or in a chat (typing, recording, paused). */
  async setPresence(presence: PresenceStatus, chatId?: string): Promise<void> {
    if (presence === "online") return this.client().sendPresenceAvailable();
    if (presence === "offline") return this.client().sendPresenceUnavailable();
    const chat = await this.chat(chatId ?? "");
    if (presence === "typing") await chat.sendStateTyping();
    else if (presence === "recording") await chat.sendStateRecording();
    else await chat.clearState();
  }

  async chats(query: ChatsQuery): Promise<ChatInfo[]> {
    const chats = (await this.client().getChats()).map(toChatInfo);
    const key = (chat: ChatInfo) => (query.sortBy === "conversationTimestamp" ? chat.timestamp : query.sortBy === "name" ? (chat.name ?? chat.id) : chat.id);
    return sortAndPage(chats, key, query);
  }

  async chatsOverview(query: Pagination & { ids?: string[] }): Promise<ChatSummary[]> {
    const wanted = query.ids ? new Set(query.ids) : null;
    const chats = (await this.client().getChats()).filter((chat) => !wanted || wanted.has(chat.id._serialized));
    return sortAndPage(chats.map(toChatSummary), (summary) => summary._chat.timestamp, { ...query, sortOrder: "desc" });
  }

  async messages(chatId: string, query: MessagesQuery): Promise<WAMessage[]> {
    // WhatsApp Web loads the newest messages; fetch enough of them to page and filter.
    const fetched = await (await this.chat(chatId)).fetchMessages({ limit: query.offset + query.limit, ...(query.fromMe === undefined ? {} : { fromMe: query.fromMe }) });
    return filterMessages(
      fetched.map((message) => toWAMessage(message, this.sourceOf(message.id._serialized))),
      query,
    );
  }

  /** Marks a chat read; answers the ids of the messages that were unread. */
  async read(chatId: string): Promise<{ ids: string[] }> {
    const chat = await this.chat(chatId);
    const unread = chat.unreadCount > 0 ? await chat.fetchMessages({ limit: chat.unreadCount, fromMe: false }) : [];
    await chat.sendSeen();
    return { ids: unread.map((message) => message.id._serialized) };
  }

  async setArchived(chatId: string, archived: boolean): Promise<void> {
    const chat = await this.chat(chatId);
    await (archived ? chat.archive() : chat.unarchive());
  }

  async markUnread(chatId: string): Promise<void> {
    await (await this.chat(chatId)).markUnread();
  }

  async clear(chatId: string): Promise<void> {
    await (await this.chat(chatId)).clearMessages();
  }

  async contacts(query: ListQuery): Promise<WAContact[]> {
    const contacts = (await this.client().getContacts()).map(toWAContact);
    return sortAndPage(contacts, (contact) => (query.sortBy === "name" ? (contact.name ?? "") : contact.id), query);
  }

  async contact(contactId: string): Promise<WAContact> {
    return toWAContact(await this.client().getContactById(userId(contactId)));
  }

  async checkNumber(phone: string): Promise<NumberExistResult> {
    const id = await this.client().getNumberId(phone.replace(/\D/g, ""));
    return id ? { numberExists: true, chatId: id._serialized } : { numberExists: false };
  }

  async profilePicture(contactId: string): Promise<{ profilePictureURL: string | null }> {
    return { profilePictureURL: (await this.client().getProfilePicUrl(userId(contactId))) || null };
  }

  async about(contactId: string): Promise<{ about: string | null }> {
    return { about: await (await this.client().getContactById(userId(contactId))).getAbout() };
  }

  async groups(query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>> {
    const groups = (await this.client().getChats()).filter((chat) => chat.isGroup) as unknown as WebjsGroup[];
    const infos = sortAndPage(
      groups.map((group) => toGroupInfo(group, query.excludeParticipants)),
      (group) => (query.sortBy === "name" ? group.subject : group.id),
      query,
    );
    return Object.fromEntries(infos.map((group) => [group.id, group]));
  }

  async group(groupId: string): Promise<GroupInfo> {
    const chat = await this.chat(groupId);
    if (!chat.isGroup) throw notFound(`Group '${groupId}' not found`);
    return toGroupInfo(chat as unknown as WebjsGroup);
  }

  private async send(chatId: string, content: string | Location, replyTo?: string): Promise<WAMessage> {
    // sendSeen: false, so sending does not mark the chat read: WAHA's sendSeen does that.
    const message = await this.client().sendMessage(chatId, content, { sendSeen: false, ...(replyTo ? { quotedMessageId: replyTo } : {}) });
    this.remember(message.id._serialized);
    return toWAMessage(message, "api");
  }

  /** Notes a message this API sent, forgetting the oldest past `rememberedSends`. */
  private remember(messageId: string): void {
    this.sentIds.add(messageId);
    if (this.sentIds.size > rememberedSends) this.sentIds.delete(this.sentIds.values().next().value as string);
  }

  private async message(messageId: string): Promise<Message> {
    const message = await this.client().getMessageById(messageId);
    if (!message) throw notFound(`Message '${messageId}' not found`);
    return message;
  }

  /** A message by id, scoped to its chat as the `/chats/{chatId}/messages/{messageId}` routes are. */
  private async messageIn(ref: MessageRef): Promise<Message> {
    const message = await this.message(ref.messageId);
    const chatId = message.fromMe ? message.to : message.from;
    if (chatId !== ref.chatId) throw notFound(`Message '${ref.messageId}' not found in chat '${ref.chatId}'`);
    return message;
  }

  private async chat(chatId: string): Promise<Chat> {
    // whatsapp-web.js answers an unknown id with undefined (despite its types) or an error.
    const chat = (await this.client()
      .getChatById(chatId)
      .catch(() => undefined)) as Chat | undefined;
    if (!chat) throw notFound(`Chat '${chatId}' not found`);
    return chat;
  }
}

/** A contact id from a bare number or a `<digits>@c.us` id, as WAHA accepts both. */
function userId(contactId: string): string {
  return contactId.includes("@") ? contactId : `${contactId.replace(/\D/g, "")}@c.us`;
}
