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
  NumberExistResult,
  Pagination,
  GroupSecuritySetting,
  ParticipantChange,
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
import { EngineSessionBase, type EngineSessionContext } from "../engine.ts";
import { type ContactEdits, noContactEdits, SandboxContacts } from "./sandbox-contacts.ts";
import type { SandboxDirectory } from "./sandbox-directory.ts";
import { SandboxGroups } from "./sandbox-groups.ts";
import { SandboxLids } from "./sandbox-lids.ts";
import type { SandboxMessaging } from "./sandbox-messaging.ts";
import type { SandboxStore } from "./sandbox-store.ts";

/**
 * The WAHA operations of a SANDBOX session, each handed to the part that does it: messaging
 * (`SandboxMessaging`), the address book (`SandboxContacts`), the groups (`SandboxGroups`) or the
 * hidden ids (`SandboxLids`).
 * `SandboxSession` adds the lifecycle and the linked account these need.
 */
export abstract class SandboxOperations extends EngineSessionBase {
  abstract readonly messaging: SandboxMessaging;
  /** The linked account; throws (422) unless the session is WORKING. */
  protected abstract requireMe(): MeInfo;
  abstract directory(): SandboxDirectory;

  constructor(
    protected readonly context: EngineSessionContext,
    private readonly store: SandboxStore,
  ) {
    super();
  }

  override async sendText(request: SendTextRequest): Promise<WAMessage> {
    return this.messaging.sendText(request);
  }

  override async sendLocation(request: SendLocationRequest): Promise<WAMessage> {
    return this.messaging.sendLocation(request);
  }

  override async sendContactVcard(request: SendContactVcardRequest): Promise<WAMessage> {
    return this.messaging.sendContactVcard(request);
  }

  override async sendMedia(request: SendMediaRequest): Promise<WAMessage> {
    return this.messaging.sendMedia(request);
  }

  override async forwardMessage(request: ForwardMessageRequest): Promise<WAMessage> {
    return this.messaging.forward(request);
  }

  override async setReaction(request: ReactionRequest): Promise<void> {
    this.messaging.react(request.messageId, request.reaction, true);
  }

  override async editMessage(request: EditMessageRequest): Promise<void> {
    this.messaging.get(request.chatId, request.messageId);
    this.messaging.edit(request.messageId, request.text, true);
  }

  override async deleteMessage(request: MessageRef): Promise<void> {
    this.messaging.get(request.chatId, request.messageId);
    this.messaging.revoke(request.messageId, true);
  }

  override async getMessage(request: MessageRef): Promise<WAMessage> {
    return this.messaging.get(request.chatId, request.messageId);
  }

  override async sendSeen(request: SendSeenRequest): Promise<void> {
    this.messaging.chats.markRead(request.chatId, request.messageIds);
  }

  override async getChats(query: ChatsQuery): Promise<ChatInfo[]> {
    return this.messaging.chats.list(query);
  }

  override async getChatsOverview(query: Pagination & { ids?: string[] }): Promise<ChatSummary[]> {
    return this.messaging.chats.overview(query);
  }

  override async getMessages(chatId: string, query: MessagesQuery): Promise<WAMessage[]> {
    return this.messaging.chats.messagesOf(chatId, query);
  }

  override async readMessages(chatId: string): Promise<{ ids: string[] }> {
    return { ids: this.messaging.chats.markRead(chatId) };
  }

  override async setArchived(chatId: string, archived: boolean): Promise<void> {
    this.messaging.chats.setArchived(chatId, archived);
  }

  override async markUnread(chatId: string): Promise<void> {
    this.messaging.chats.markUnread(chatId);
  }

  override async clearMessages(chatId: string): Promise<void> {
    this.messaging.chats.clear(chatId);
  }

  override async deleteChat(chatId: string): Promise<void> {
    this.messaging.chats.remove(chatId);
  }

  override async startTyping(_request: ChatRequest): Promise<void> {
    this.requireMe();
  }

  override async stopTyping(_request: ChatRequest): Promise<void> {
    this.requireMe();
  }

  override async setPresence(_request: SetPresenceRequest): Promise<void> {
    this.requireMe();
  }

  override async getPresences(): Promise<ChatPresences[]> {
    return this.messaging.listPresences();
  }

  override async getPresence(chatId: string): Promise<ChatPresences> {
    return this.messaging.presenceOf(chatId);
  }

  override async getContacts(query: ListQuery): Promise<WAContact[]> {
    return this.contacts().list(query);
  }

  override async getContact(contactId: string): Promise<WAContact> {
    return this.contacts().get(contactId);
  }

  override async checkNumber(phone: string): Promise<NumberExistResult> {
    return this.contacts().checkNumber(phone);
  }

  override async getProfilePicture(contactId: string): Promise<{ profilePictureURL: string | null }> {
    return { profilePictureURL: this.contacts().picture(contactId) };
  }

  override async getAbout(contactId: string): Promise<{ about: string | null }> {
    return { about: this.contacts().about(contactId) };
  }

  override async setContactBlocked(contactId: string, blocked: boolean): Promise<void> {
    this.requireMe();
    const edits = this.contactEdits();
    const others = edits.blocked.filter((id) => id !== contactId);
    this.store.state(this.context.name).set("contacts", { ...edits, blocked: blocked ? [...others, contactId] : others });
  }

  override async setContactName(contactId: string, firstName: string, lastName: string): Promise<void> {
    this.requireMe();
    const edits = this.contactEdits();
    const name = [firstName, lastName].filter(Boolean).join(" ");
    this.store.state(this.context.name).set("contacts", { ...edits, names: { ...edits.names, [contactId]: name } });
  }

  override async getGroups(query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>> {
    return this.groups().list(query);
  }

  override async getGroup(groupId: string): Promise<GroupInfo> {
    return this.groups().get(groupId);
  }

  override async getGroupsCount(): Promise<number> {
    return this.groups().count();
  }

  override async createGroup(subject: string, participantIds: string[]): Promise<GroupInfo> {
    return this.groups().create(subject, participantIds);
  }

  override async setGroupSubject(groupId: string, subject: string): Promise<void> {
    this.groups().setSubject(groupId, subject);
  }

  override async setGroupDescription(groupId: string, description: string): Promise<void> {
    this.groups().setDescription(groupId, description);
  }

  override async getGroupParticipants(groupId: string): Promise<Array<{ id: string; admin: "admin" | "superadmin" | null }>> {
    return this.groups().participants(groupId);
  }

  override async changeGroupParticipants(groupId: string, change: ParticipantChange, participantIds: string[]): Promise<void> {
    this.groups().changeParticipants(groupId, change, participantIds);
  }

  override async leaveGroup(groupId: string): Promise<void> {
    this.groups().leave(groupId);
  }

  override async getGroupInviteLink(groupId: string): Promise<string> {
    return this.groups().inviteLink(groupId);
  }

  override async revokeGroupInvite(groupId: string): Promise<string> {
    return this.groups().revokeInvite(groupId);
  }

  override async getGroupAdminsOnly(groupId: string, setting: GroupSecuritySetting): Promise<boolean> {
    return this.groups().adminsOnly(groupId, setting);
  }

  override async setGroupAdminsOnly(groupId: string, setting: GroupSecuritySetting, adminsOnly: boolean): Promise<void> {
    this.groups().setAdminsOnly(groupId, setting, adminsOnly);
  }

  override async getAllLids(query: Pagination): Promise<Array<Required<LidToPhoneNumber>>> {
    return new SandboxLids(this.directory()).list(query);
  }

  override async getLidsCount(): Promise<number> {
    return new SandboxLids(this.directory()).count();
  }

  override async findPNByLid(lid: string): Promise<string | null> {
    return new SandboxLids(this.directory()).phoneOf(lid);
  }

  override async findLIDByPhoneNumber(phoneId: string): Promise<string | null> {
    return new SandboxLids(this.directory()).lidOf(phoneId);
  }

  private contacts(): SandboxContacts {
    return new SandboxContacts(this.directory(), this.requireMe(), this.contactEdits());
  }

  private contactEdits(): ContactEdits {
    return this.store.state(this.context.name).get<ContactEdits>("contacts") ?? noContactEdits;
  }

  private groups(): SandboxGroups {
    return new SandboxGroups(this.directory(), this.requireMe(), this.store.state(this.context.name), this.context.events);
  }
}
