import { notFound, unprocessable } from "../../errors.ts";
import { ackNames } from "../../waha/types.ts";
import type {
  ChatPresences,
  ForwardMessageRequest,
  MediaFile,
  MeInfo,
  PresenceStatus,
  SendContactVcardRequest,
  SendLocationRequest,
  SendMediaRequest,
  SendTextRequest,
  WAMessage,
} from "../../waha/types.ts";
import type { EngineEvents } from "../engine.ts";
import { afterRead, type ContactActions, lastAckFor } from "./sandbox-behaviours.ts";
import { SandboxChats } from "./sandbox-chat-list.ts";
import { chatOf } from "./sandbox-chats.ts";
import { findContact, type SandboxDirectory } from "./sandbox-directory.ts";
import { attachMedia } from "./sandbox-media.ts";
import { ackBody, editedPayload, historyMessage, locationMessage, reactionPayload, revokedPayload, textMessage, vcardMessage } from "./sandbox-messages.ts";
import type { SandboxOptions } from "./sandbox-options.ts";
import { SandboxRateLimit } from "./sandbox-rate-limit.ts";
import type { MediaStore, MessageStore, StateStore } from "./sandbox-store.ts";
import { chatIdOf } from "./simulated-phone.ts";

type MessagingContext = {
  events: EngineEvents;
  options: SandboxOptions;
  /** Runs later on the session's timers, so stopping the session cancels it. */
  later: (ms: number, run: () => void) => void;
  /** The linked account; throws (422) unless the session is WORKING. */
  me: () => MeInfo;
  /** The linked account's simulated contacts and groups; throws (422) unless the session is WORKING. */
  directory: () => SandboxDirectory;
  /** Where the session's messages, marks and media persist. */
  store: { messages: MessageStore; state: StateStore; media: MediaStore };
  /** The URL that serves a stored media file. */
  mediaUrl: (name: string) => string;
};

/**
 * A SANDBOX session's messaging: what we send (with acks, held while the phone is offline, within
 * the rate limit) and what simulated contacts do (send, react, edit, revoke), as WAHA events.
 */
export class SandboxMessaging {
  readonly rateLimit = new SandboxRateLimit();
  private readonly messages: MessageStore;
  private phoneOnline = true;
  private waitingForPhone: WAMessage[] = [];
  private readonly presences = new Map<string, ChatPresences>();
  /** The chat list and its unread and archived marks. */
  readonly chats: SandboxChats;

  constructor(private readonly context: MessagingContext) {
    this.messages = context.store.messages;
    this.chats = new SandboxChats({ messages: this.messages, state: context.store.state, events: context.events, directory: context.directory });
  }

  sendText(request: SendTextRequest): WAMessage {
    const me = this.context.me();
    const replyTo = this.replyTarget(request.reply_to);
    return this.send(textMessage({ fromMe: true, me: me.id, chatId: request.chatId, body: request.text, key: request.id, replyTo }));
  }

  sendLocation(request: SendLocationRequest): WAMessage {
    const me = this.context.me();
    const replyTo = this.replyTarget(request.reply_to);
    const { chatId, latitude, longitude, title } = request;
    return this.send(locationMessage({ fromMe: true, me: me.id, chatId, key: request.id, replyTo, latitude, longitude, title }));
  }

  sendContactVcard(request: SendContactVcardRequest): WAMessage {
    const me = this.context.me();
    const replyTo = this.replyTarget(request.reply_to);
    return this.send(vcardMessage({ fromMe: true, me: me.id, chatId: request.chatId, key: request.id, replyTo, contacts: request.contacts }));
  }

  /** An image, file, voice note or video; the caption is the body, as in WAHA. */
  sendMedia(request: SendMediaRequest): WAMessage {
    const me = this.context.me();
    const replyTo = this.replyTarget(request.reply_to);
    const message = textMessage({ fromMe: true, me: me.id, chatId: request.chatId, body: request.caption ?? "", key: request.id, replyTo });
    return this.send(this.withMedia(message, request.file));
  }

  /** Sends a copy of a stored message (text, media, location or cards) to another chat. */
  forward(request: ForwardMessageRequest): WAMessage {
    const me = this.context.me();
    const original = this.find(request.messageId);
    const copy = textMessage({ fromMe: true, me: me.id, chatId: request.chatId, body: original.body, key: request.id });
    const { media, mediaUrl, location, vCards } = original;
    return this.send({
      ...copy,
      hasMedia: original.hasMedia,
      ...(media ? { media, mediaUrl } : {}),
      ...(location ? { location } : {}),
      ...(vCards ? { vCards } : {}),
      _data: { isForwarded: true },
    });
  }

  /** Reacts to a message, as us (`fromMe`) or as the contact of its chat. */
  react(messageId: string, text: string, fromMe: boolean): void {
    const me = this.context.me();
    const target = this.find(messageId);
    const payload = reactionPayload({ fromMe, me: me.id, chatId: chatOf(target), text, messageId: target.id });
    this.context.events.event("message.reaction", payload);
  }

  /** Edits a text message; only its sender can (`fromMe` says who is editing). */
  edit(messageId: string, text: string, fromMe: boolean): void {
    const me = this.context.me();
    const target = this.ownedBy(messageId, fromMe);
    const edited = { ...target, body: text };
    this.messages.add(edited);
    this.context.events.event("message.edited", editedPayload(me.id, edited));
  }

  /** Deletes a message for everyone; only its sender can. */
  revoke(messageId: string, fromMe: boolean): void {
    const me = this.context.me();
    const target = this.ownedBy(messageId, fromMe);
    this.messages.delete(target.id);
    this.chats.unread.delete(target.id);
    this.context.events.event("message.revoked", revokedPayload(me.id, target));
  }

  /** A recent message by id, scoped to its chat. */
  get(chatId: string, messageId: string): WAMessage {
    this.context.me();
    const message = this.find(messageId);
    if (chatOf(message) !== chatId) throw notFound(`Message '${messageId}' not found in chat '${chatId}'`);
    return message;
  }

  /** A simulated contact sends a text message to this session. */
  receiveText(from: string, text: string): WAMessage {
    const me = this.context.me();
    return this.receive(textMessage({ fromMe: false, me: me.id, chatId: from.includes("@") ? from : chatIdOf(from), body: text }));
  }

  /** A simulated contact sends a file (with an optional caption); `media.url` serves it. */
  receiveMedia(from: string, file: MediaFile, caption: string): WAMessage {
    const me = this.context.me();
    const message = textMessage({ fromMe: false, me: me.id, chatId: from.includes("@") ? from : chatIdOf(from), body: caption });
    return this.receive(this.withMedia(message, file));
  }

  private receive(message: WAMessage): WAMessage {
    this.messages.add(message);
    this.chats.unread.add(message.id);
    this.context.events.event("message", message);
    this.context.events.event("message.any", message);
    return message;
  }

  private withMedia(message: WAMessage, file: MediaFile): WAMessage {
    return attachMedia(message, file, this.context.store.media, this.context.mediaUrl);
  }

  /** A simulated contact comes online, types, goes offline…: `presence.update`. */
  receivePresence(from: string, presence: PresenceStatus): ChatPresences {
    this.context.me();
    const chatId = from.includes("@") ? from : chatIdOf(from);
    const lastSeen = presence === "offline" ? Math.floor(Date.now() / 1000) : undefined;
    const update: ChatPresences = { id: chatId, presences: [{ participant: chatId, lastKnownPresence: presence, ...(lastSeen ? { lastSeen } : {}) }] };
    this.presences.set(chatId, update);
    this.context.events.event("presence.update", update);
    return update;
  }

  /** The last presence seen per chat. */
  listPresences(): ChatPresences[] {
    this.context.me();
    return [...this.presences.values()];
  }

  /** A chat's last presence; none seen yet is an empty list, as WAHA answers before any update. */
  presenceOf(chatId: string): ChatPresences {
    this.context.me();
    return this.presences.get(chatId) ?? { id: chatId, presences: [] };
  }

  /** The phone goes offline or comes back; back online, held messages get their acks. */
  setPhoneOnline(online: boolean): void {
    this.context.me();
    this.phoneOnline = online;
    if (!online) return;
    const held = this.waitingForPhone;
    this.waitingForPhone = [];
    for (const message of held) this.scheduleAcks(message);
  }

  get isPhoneOnline(): boolean {
    return this.phoneOnline;
  }

  /**
   * The chats the phone already had, as WhatsApp Web syncs them on connecting: once per start, only
   * into an empty store (what we sent or received since is kept).
   */
  loadHistory(): void {
    if (!this.context.options.chatHistory || this.messages.all().length > 0) return;
    const me = this.context.me();
    const now = Math.floor(Date.now() / 1000);
    const history = this.context.directory().history.map((line) => historyMessage(me.id, line, now));
    for (const message of history.sort((a, b) => a.timestamp - b.timestamp)) this.messages.add(message);
  }

  /** After a restart: our messages still on their way (stored PENDING, SERVER, DEVICE) get their remaining acks. */
  resumeAcks(): void {
    for (const message of this.messages.all()) {
      if (message.fromMe && message.ack >= 0 && message.ack < 3) this.scheduleAcks(message);
    }
  }

  /** Forgets what lives only while the session runs (presences, the phone's state); messages persist. */
  reset(): void {
    this.presences.clear();
    this.waitingForPhone = [];
    this.phoneOnline = true;
  }

  /** Forgets the stored chats, marks and media too: the device was unlinked. */
  forget(): void {
    this.reset();
    this.messages.clear();
    this.context.store.state.clear();
    this.context.store.media.clear();
    this.chats.reload();
  }

  /** What every send does: count against the rate limit, announce it, get its acks (or wait for the phone). */
  private send(message: WAMessage): WAMessage {
    // A send repeating the `id` of one already made (a client retrying after a timeout) answers
    // that message again instead of sending it twice, as WhatsApp keeps one message per key.
    const earlier = this.messages.get(message.id);
    if (earlier) return earlier;
    this.rateLimit.take();
    this.messages.add(message);
    this.context.events.event("message.any", message);
    if (this.phoneOnline) this.scheduleAcks(message);
    else this.waitingForPhone.push(message);
    return message;
  }

  /**
   * SERVER, then DEVICE, then READ, each after its delay; a simulated contact that never answers
   * stops at DEVICE, the others then do what they do (`sandbox-behaviours.ts`).
   */
  private scheduleAcks(message: WAMessage): void {
    const { server, device, read } = this.context.options.ackDelaysMs;
    const contact = findContact(this.context.directory(), message.to);
    const steps = [
      [server, 1],
      [device, 2],
      [read, 3],
    ] as const;
    const lastAck = lastAckFor(contact?.behaviour ?? null);
    const next = (index: number) => {
      const step = steps[index];
      if (!step || step[1] > lastAck) {
        if (contact && lastAck === 3) afterRead(contact, message, this.context.options, this.contactActions());
        return;
      }
      this.context.later(step[0], () => {
        // Acks only move forward; the stored message shows the latest one.
        const current = this.messages.get(message.id);
        if (current) this.messages.add({ ...current, ack: step[1], ackName: ackNames[step[1]] });
        this.context.events.event("message.ack", ackBody(message, step[1]));
        next(index + 1);
      });
    };
    // A message resumed after a restart continues from the ack it had; one already read is done.
    const start = steps.findIndex((step) => step[1] > message.ack);
    if (start !== -1) next(start);
  }

  /** What a simulated contact does back, through the same paths as injected events. */
  private contactActions(): ContactActions {
    return {
      later: this.context.later,
      presence: (from: string, presence: "typing" | "paused") => this.receivePresence(from, presence),
      reply: (from: string, text: string) => this.receiveText(from, text),
      react: (messageId: string, emoji: string) => {
        // The message may have been revoked or cleared meanwhile; then there is nothing to react to.
        if (this.messages.get(messageId)) this.react(messageId, emoji, false);
      },
    };
  }

  private find(messageId: string): WAMessage {
    const message = this.messages.get(messageId);
    if (!message) throw notFound(`Message '${messageId}' not found`);
    return message;
  }

  private ownedBy(messageId: string, fromMe: boolean): WAMessage {
    const message = this.find(messageId);
    if (message.fromMe !== fromMe) throw unprocessable(`Only the sender can change message '${messageId}'`);
    return message;
  }

  private replyTarget(id: string | undefined): WAMessage | null {
    if (!id) return null;
    const target = this.messages.get(id);
    if (!target) throw notFound(`Message '${id}' to reply to not found`);
    return target;
  }
}
