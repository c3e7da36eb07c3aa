import type {
  ChatInfo,
  ChatRequest,
  ChatsQuery,
  ChatSummary,
  EditMessageRequest,
  ForwardMessageRequest,
  GroupInfo,
  LidToPhoneNumber,
  ListQuery,
  MessageRef,
  MessagesQuery,
  NumberExistResult,
  Pagination,
  ReactionRequest,
  SendContactVcardRequest,
  SendLocationRequest,
  SendMediaRequest,
  SendSeenRequest,
  SendTextRequest,
  SetPresenceRequest,
  WAContact,
  WAMessage,
} from "../../waha/types.ts";
import { EngineSessionBase } from "../engine.ts";
import type { WebjsLids } from "./webjs-lids.ts";
import type { WebjsMessaging } from "./webjs-messaging.ts";

/**
 * The EngineSession operations whatsapp-web.js supports, each handed to `WebjsMessaging`, so the
 * session class holds only the lifecycle. Presence lookups (`getPresences`, `getPresence`) stay
 * "not implemented" (501): whatsapp-web.js has no presence events to answer them from. Deleting a
 * chat, the group changes and the contact edits are not wired yet (501 too).
 */
export abstract class WebjsOperations extends EngineSessionBase {
  protected abstract readonly messaging: WebjsMessaging;
  protected abstract readonly lids: WebjsLids;

  override sendText(request: SendTextRequest): Promise<WAMessage> {
    return this.messaging.sendText(request);
  }

  override sendLocation(request: SendLocationRequest): Promise<WAMessage> {
    return this.messaging.sendLocation(request);
  }

  override sendContactVcard(request: SendContactVcardRequest): Promise<WAMessage> {
    return this.messaging.sendContactVcard(request);
  }

  override sendMedia(request: SendMediaRequest): Promise<WAMessage> {
    return this.messaging.sendMedia(request);
  }

  override forwardMessage(request: ForwardMessageRequest): Promise<WAMessage> {
    return this.messaging.forward(request);
  }

  override setReaction(request: ReactionRequest): Promise<void> {
    return this.messaging.react(request.messageId, request.reaction);
  }

  override editMessage(request: EditMessageRequest): Promise<void> {
    return this.messaging.edit(request, request.text);
  }

  override deleteMessage(request: MessageRef): Promise<void> {
    return this.messaging.revoke(request);
  }

  override getMessage(request: MessageRef): Promise<WAMessage> {
    return this.messaging.get(request);
  }

  override sendSeen(request: SendSeenRequest): Promise<void> {
    return this.messaging.sendSeen(request.chatId);
  }

  override startTyping(request: ChatRequest): Promise<void> {
    return this.messaging.setPresence("typing", request.chatId);
  }

  override stopTyping(request: ChatRequest): Promise<void> {
    return this.messaging.setPresence("paused", request.chatId);
  }

  override setPresence(request: SetPresenceRequest): Promise<void> {
    return this.messaging.setPresence(request.presence, request.chatId);
  }

  override getChats(query: ChatsQuery): Promise<ChatInfo[]> {
    return this.messaging.chats(query);
  }

  override getChatsOverview(query: Pagination & { ids?: string[] }): Promise<ChatSummary[]> {
    return this.messaging.chatsOverview(query);
  }

  override getMessages(chatId: string, query: MessagesQuery): Promise<WAMessage[]> {
    return this.messaging.messages(chatId, query);
  }

  override readMessages(chatId: string): Promise<{ ids: string[] }> {
    return this.messaging.read(chatId);
  }

  override setArchived(chatId: string, archived: boolean): Promise<void> {
    return this.messaging.setArchived(chatId, archived);
  }

  override markUnread(chatId: string): Promise<void> {
    return this.messaging.markUnread(chatId);
  }

  override clearMessages(chatId: string): Promise<void> {
    return this.messaging.clear(chatId);
  }

  override getContacts(query: ListQuery): Promise<WAContact[]> {
    return this.messaging.contacts(query);
  }

  override getContact(contactId: string): Promise<WAContact> {
    return this.messaging.contact(contactId);
  }

  override checkNumber(phone: string): Promise<NumberExistResult> {
    return this.messaging.checkNumber(phone);
  }

  override getProfilePicture(contactId: string): Promise<{ profilePictureURL: string | null }> {
    return this.messaging.profilePicture(contactId);
  }

  override getAbout(contactId: string): Promise<{ about: string | null }> {
    return this.messaging.about(contactId);
  }

  override getGroups(query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>> {
    return this.messaging.groups(query);
  }

  override getGroup(groupId: string): Promise<GroupInfo> {
    return this.messaging.group(groupId);
  }

  override getAllLids(query: Pagination): Promise<Array<Required<LidToPhoneNumber>>> {
    return this.lids.list(query);
  }

  override getLidsCount(): Promise<number> {
    return this.lids.count();
  }

  override findPNByLid(lid: string): Promise<string | null> {
    return this.lids.phoneOf(lid);
  }

  override findLIDByPhoneNumber(phoneId: string): Promise<string | null> {
    return this.lids.lidOf(phoneId);
  }
}
