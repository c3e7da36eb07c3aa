import type { ChatInfo, ChatsQuery, ChatSummary, MessagesQuery, Pagination, WAMessage } from "../../waha/types.ts";
import type { EngineEvents } from "../engine.ts";
import { PersistedSet } from "./persisted-set.ts";
import { chatMessages, chatOf, chatsOverview, listChats } from "./sandbox-chats.ts";
import { avatarDataUri } from "./sandbox-avatar.ts";
import { chatProfile, type SandboxDirectory } from "./sandbox-directory.ts";
import { changedGroupSubjects } from "./sandbox-groups.ts";
import type { MessageStore, StateStore } from "./sandbox-store.ts";

type ChatsDependencies = {
  messages: MessageStore;
  state: StateStore;
  events: EngineEvents;
  /** The linked phone's directory (names, pictures); throws (422) unless WORKING, so every view checks it first. */
  directory: () => SandboxDirectory;
};

/**
 * A SANDBOX session's chats as WAHA lists them, with their unread and archived marks, which are
 * kept in the session's state so they survive a restart.
 */
export class SandboxChats {
  /** Inbound messages not read yet (by `sendSeen` or `messages/read`). */
  readonly unread: PersistedSet;
  private readonly archived: PersistedSet;

  constructor(private readonly deps: ChatsDependencies) {
    this.unread = new PersistedSet(deps.state, "unread");
    this.archived = new PersistedSet(deps.state, "archived");
    // Messages past the store's capacity are gone; so are their unread marks.
    const kept = new Set(deps.messages.all().map((message) => message.id));
    for (const id of [...this.unread.view]) if (!kept.has(id)) this.unread.delete(id);
  }

  list(query: ChatsQuery): ChatInfo[] {
    this.requireWorking();
    return listChats(this.deps.messages.all(), this.marks(), query);
  }

  overview(query: Pagination & { ids?: string[] }): ChatSummary[] {
    this.requireWorking();
    return chatsOverview(this.deps.messages.all(), this.marks(), query);
  }

  messagesOf(chatId: string, query: MessagesQuery): WAMessage[] {
    this.requireWorking();
    return chatMessages(this.deps.messages.all(), chatId, query);
  }

  /** Marks a chat's unread messages (or only `ids`) read; answers the ids marked. */
  markRead(chatId: string, ids?: string[]): string[] {
    this.requireWorking();
    const marked = this.deps.messages
      .all()
      .filter((message) => this.unread.has(message.id) && chatOf(message) === chatId && (!ids || ids.includes(message.id)))
      .map((message) => message.id);
    for (const id of marked) this.unread.delete(id);
    return marked;
  }

  /** Archives or unarchives a chat: `chat.archive`. */
  setArchived(chatId: string, archived: boolean): void {
    this.requireWorking();
    if (archived) this.archived.add(chatId);
    else this.archived.delete(chatId);
    this.deps.events.event("chat.archive", { id: chatId, archived, timestamp: Math.floor(Date.now() / 1000) });
  }

  /** "Mark as unread": the chat's last message counts as unread again. */
  markUnread(chatId: string): void {
    this.requireWorking();
    const last = this.deps.messages.all().findLast((message) => chatOf(message) === chatId);
    if (last) this.unread.add(last.id);
  }

  /** Forgets a chat's messages. */
  clear(chatId: string): void {
    this.requireWorking();
    for (const message of this.deps.messages.all()) {
      if (chatOf(message) !== chatId) continue;
      this.deps.messages.delete(message.id);
      this.unread.delete(message.id);
    }
  }

  /** Deletes a chat: its messages and its archived mark; it leaves the chat list. */
  remove(chatId: string): void {
    this.clear(chatId);
    this.archived.delete(chatId);
  }

  /** Reads the marks again (after the session's state was cleared). */
  reload(): void {
    this.unread.reload();
    this.archived.reload();
  }

  /** The chats exist only while linked: 422 otherwise (the directory is only there for a WORKING session). */
  private requireWorking(): void {
    this.deps.directory();
  }

  /** Names and pictures: a group's as created or renamed, otherwise the directory's. */
  private marks() {
    const directory = this.deps.directory();
    const subjects = changedGroupSubjects(this.deps.state);
    const profileOf = (chatId: string) => {
      const subject = subjects?.get(chatId);
      return subject ? { name: subject, picture: avatarDataUri(chatId, subject) } : chatProfile(directory, chatId);
    };
    return { unread: this.unread.view, archived: this.archived.view, profileOf };
  }
}
