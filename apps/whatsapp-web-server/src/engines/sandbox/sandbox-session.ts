import { unprocessable } from "../../errors.ts";
import type {
  ChatInfo,
  ChatPresences,
  ChatRequest,
  ChatsQuery,
  ChatSummary,
  EditMessageRequest,
  GroupInfo,
  ListQuery,
  MeInfo,
  MessageRef,
  MessagesQuery,
  Pagination,
  ReactionRequest,
  SendContactVcardRequest,
  SendLocationRequest,
  SendSeenRequest,
  SendTextRequest,
  SessionStatus,
  SetPresenceRequest,
  NumberExistResult,
  WAContact,
  WAMessage,
} from "../../waha/types.ts";
import { EngineSessionBase, type EngineSessionContext, type QRCode } from "../engine.ts";
import { SandboxContacts } from "./sandbox-contacts.ts";
import { sandboxDirectory, type SandboxDirectory } from "./sandbox-directory.ts";
import type { SandboxLinkStore } from "./sandbox-link-store.ts";
import { SandboxMessaging } from "./sandbox-messaging.ts";
import type { SandboxOptions } from "./sandbox-options.ts";
import { QrRotation } from "./sandbox-qr.ts";
import { chatIdOf, newPairingCode, simulatedPhoneNumber } from "./simulated-phone.ts";

export type SandboxDependencies = { links: SandboxLinkStore; options: SandboxOptions };

/** How a scan links the session: the QR value or pairing code the "phone" read, if checked. */
export type ScanInput = { value?: string; code?: string };

/**
 * A session on the simulated WhatsApp network. Linking, acks and inbound messages behave like
 * WhatsApp's, on timers from `SandboxOptions`; the link lives in `SandboxLinkStore`.
 */
export class SandboxSession extends EngineSessionBase {
  readonly engine = "SANDBOX" as const;
  private current: SessionStatus = "STOPPED";
  private qr: QrRotation | null = null;
  private pairingCode: string | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** The linked phone's directory, derived from its number (cheap to rebuild, so not persisted). */
  private directoryCache: { phone: string; directory: SandboxDirectory } | null = null;
  /** Sending and what simulated contacts do; the sandbox routes drive it directly. */
  readonly messaging: SandboxMessaging;

  constructor(
    private readonly context: EngineSessionContext,
    private readonly deps: SandboxDependencies,
  ) {
    super();
    this.messaging = new SandboxMessaging({
      events: context.events,
      options: deps.options,
      later: (ms, run) => this.later(ms, run),
      me: () => this.requireMe(),
      directory: () => this.directory(),
    });
  }

  get status(): SessionStatus {
    return this.current;
  }

  async start(): Promise<void> {
    this.setStatus("STARTING");
    this.later(this.deps.options.startDelayMs, () => {
      if (this.deps.links.get(this.context.name)) this.becomeWorking();
      else this.waitForScan();
    });
  }

  async stop(): Promise<void> {
    this.clear();
    this.setStatus("STOPPED");
  }

  async logout(): Promise<void> {
    this.clear();
    this.deps.links.delete(this.context.name);
    this.setStatus("STOPPED");
  }

  getQR(): QRCode {
    if (this.current !== "SCAN_QR_CODE" || !this.qr) throw this.statusError("SCAN_QR_CODE");
    return this.qr.code();
  }

  override async requestCode(_phoneNumber: string): Promise<{ code: string }> {
    if (this.current !== "SCAN_QR_CODE") throw this.statusError("SCAN_QR_CODE");
    this.pairingCode = newPairingCode();
    return { code: this.pairingCode };
  }

  me(): MeInfo | null {
    if (this.current !== "WORKING") return null;
    const link = this.deps.links.get(this.context.name);
    return link ? { id: chatIdOf(link.phone), pushName: link.pushName } : null;
  }

  /** Our extension: the simulated phone scans the QR (or enters the pairing code) and links. */
  scan(input: ScanInput = {}): void {
    if (this.current !== "SCAN_QR_CODE" || !this.qr) throw this.statusError("SCAN_QR_CODE");
    if (input.value !== undefined && input.value !== this.qr.value) {
      throw unprocessable("QR code value does not match the current one (it rotates every few seconds)");
    }
    if (input.code !== undefined && input.code !== this.pairingCode) throw unprocessable("Pairing code does not match");
    const phone = simulatedPhoneNumber(this.context.name);
    this.deps.links.save({ session: this.context.name, phone, pushName: `Sandbox ${this.context.name}`, linkedAt: Date.now() });
    this.clear();
    this.becomeWorking();
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
    this.messaging.markRead(request.chatId, request.messageIds);
  }

  override async getChats(query: ChatsQuery): Promise<ChatInfo[]> {
    return this.messaging.listChats(query);
  }

  override async getChatsOverview(query: Pagination & { ids?: string[] }): Promise<ChatSummary[]> {
    return this.messaging.chatsOverview(query);
  }

  override async getMessages(chatId: string, query: MessagesQuery): Promise<WAMessage[]> {
    return this.messaging.chatMessages(chatId, query);
  }

  override async readMessages(chatId: string): Promise<{ ids: string[] }> {
    return { ids: this.messaging.markRead(chatId) };
  }

  override async setArchived(chatId: string, archived: boolean): Promise<void> {
    this.messaging.setArchived(chatId, archived);
  }

  override async markUnread(chatId: string): Promise<void> {
    this.messaging.markUnread(chatId);
  }

  override async clearMessages(chatId: string): Promise<void> {
    this.messaging.clearChat(chatId);
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

  override async getGroups(query: ListQuery & { excludeParticipants: boolean }): Promise<Record<string, GroupInfo>> {
    return this.contacts().groups(query);
  }

  override async getGroup(groupId: string): Promise<GroupInfo> {
    return this.contacts().group(groupId);
  }

  /** The linked phone's simulated contacts and groups; throws (422) unless WORKING. */
  directory(): SandboxDirectory {
    const me = this.requireMe();
    const phone = me.id.split("@")[0] ?? me.id;
    if (this.directoryCache?.phone !== phone) this.directoryCache = { phone, directory: sandboxDirectory(phone) };
    return this.directoryCache.directory;
  }

  /** Our extension: the user logs this device out from the phone; WAHA reports FAILED. */
  logoutFromPhone(): void {
    this.requireMe();
    this.clear();
    this.deps.links.delete(this.context.name);
    this.setStatus("FAILED", "Logged out from the phone");
  }

  /** Our extension: the session crashes (as a browser would); the link survives a restart. */
  crash(): void {
    if (this.current === "STOPPED") throw this.statusError("WORKING");
    this.clear();
    this.setStatus("FAILED", "Session crashed");
  }

  private waitForScan(): void {
    const { qrRotationMs, qrMaxRotations } = this.deps.options;
    this.qr = new QrRotation({
      intervalMs: qrRotationMs,
      maxRotations: qrMaxRotations,
      onExpired: () => {
        this.qr = null;
        this.setStatus("FAILED", "QR code was not scanned in time");
      },
    });
    this.setStatus("SCAN_QR_CODE");
  }

  private contacts(): SandboxContacts {
    return new SandboxContacts(this.directory(), this.requireMe());
  }

  /** Linked and connected: the phone syncs its chat history, as WhatsApp Web's first sync does. */
  private becomeWorking(): void {
    this.setStatus("WORKING");
    this.messaging.loadHistory();
  }

  private requireMe(): MeInfo {
    const me = this.me();
    if (!me) throw this.statusError("WORKING");
    return me;
  }

  private statusError(expected: SessionStatus) {
    return unprocessable(`Session status is not as expected: it is ${this.current}, this needs ${expected}`);
  }

  private setStatus(status: SessionStatus, reason?: string): void {
    if (status === this.current && status !== "STARTING") return;
    this.current = status;
    this.context.events.status(status, reason);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Frees the session's timers and QR: a stopped session holds nothing. */
  private clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.qr?.stop();
    this.qr = null;
    this.pairingCode = null;
    this.directoryCache = null;
    this.messaging.reset();
  }
}
