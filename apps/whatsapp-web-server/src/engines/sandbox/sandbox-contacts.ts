import { notFound } from "../../errors.ts";
import type { GroupInfo, ListQuery, MeInfo, NumberExistResult, WAContact } from "../../waha/types.ts";
import { chatProfile, findContact, type SandboxContact, type SandboxDirectory, type SandboxGroup } from "./sandbox-directory.ts";

/** The fictional range our simulated people live in; see `checkNumber`. */
const FICTIONAL_PREFIX = "1555";

function sortAndPage<T>(items: T[], key: (item: T) => string, query: ListQuery): T[] {
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)));
  if (query.sortOrder === "desc") sorted.reverse();
  return sorted.slice(query.offset, query.offset + query.limit);
}

const digitsOf = (id: string) => id.split("@")[0] ?? id;

function contactShape(contact: SandboxContact): WAContact {
  return {
    id: contact.id,
    number: contact.number,
    name: contact.name,
    pushname: contact.name.split(" ")[0] ?? contact.name,
    shortName: contact.name.split(" ")[0] ?? contact.name,
    isMe: false,
    isGroup: false,
    isUser: true,
    isWAContact: true,
    isMyContact: true,
    isBlocked: false,
  };
}

/**
 * A SANDBOX account's address book and groups in WAHA's shapes, read from its deterministic
 * directory (`sandbox-directory.ts`).
 */
export class SandboxContacts {
  constructor(
    private readonly directory: SandboxDirectory,
    private readonly me: MeInfo,
  ) {}

  list(query: ListQuery): WAContact[] {
    const key = query.sortBy === "name" ? (contact: WAContact) => contact.name ?? "" : (contact: WAContact) => contact.id;
    return sortAndPage(this.directory.contacts.map(contactShape), key, query);
  }

  /** As WhatsApp Web: any user id resolves; people outside the address book have no name. */
  get(contactId: string): WAContact {
    const contact = findContact(this.directory, contactId);
    if (contact) return contactShape(contact);
    const number = digitsOf(contactId);
    const isMe = contactId === this.me.id;
    return {
      id: contactId,
      number,
      name: null,
      pushname: isMe ? this.me.pushName : null,
      shortName: null,
      isMe,
      isGroup: false,
      isUser: true,
      isWAContact: true,
      isMyContact: false,
      isBlocked: false,
    };
  }

  /**
   * The directory's people and our own number exist; other numbers in the fictional 1555 range do
   * not, so both answers can be demonstrated; any other number is taken to be on WhatsApp, so the
   * numbers tests and demos invent keep working.
   */
  checkNumber(phone: string): NumberExistResult {
    const digits = phone.replace(/\D/g, "");
    const chatId = `${digits}@c.us`;
    const exists = chatId === this.me.id || findContact(this.directory, chatId) !== null || !digits.startsWith(FICTIONAL_PREFIX);
    return exists ? { numberExists: true, chatId } : { numberExists: false };
  }

  picture(id: string): string | null {
    return chatProfile(this.directory, id)?.picture ?? null;
  }

  about(contactId: string): string | null {
    return findContact(this.directory, contactId)?.about ?? null;
  }

  groups(query: ListQuery & { excludeParticipants: boolean }): Record<string, GroupInfo> {
    const key = query.sortBy === "name" ? (group: SandboxGroup) => group.subject : (group: SandboxGroup) => group.id;
    const page = sortAndPage(this.directory.groups, key, query);
    return Object.fromEntries(page.map((group) => [group.id, this.groupShape(group, !query.excludeParticipants)]));
  }

  group(groupId: string): GroupInfo {
    const group = this.findGroup(groupId);
    if (!group) throw notFound(`Group '${groupId}' not found`);
    return this.groupShape(group, true);
  }

  private findGroup(id: string): SandboxGroup | null {
    return this.directory.groups.find((group) => group.id === id) ?? null;
  }

  private groupShape(group: SandboxGroup, withParticipants: boolean): GroupInfo {
    // We joined after the owner created it; the owner is its superadmin.
    const participants = [...group.members, this.me.id].map((id) => ({ id, admin: id === group.owner ? ("superadmin" as const) : null }));
    return {
      id: group.id,
      subject: group.subject,
      subjectOwner: group.owner,
      subjectTime: group.creation,
      desc: group.description,
      owner: group.owner,
      creation: group.creation,
      size: participants.length,
      announce: false,
      restrict: false,
      ...(withParticipants ? { participants } : {}),
    };
  }
}
