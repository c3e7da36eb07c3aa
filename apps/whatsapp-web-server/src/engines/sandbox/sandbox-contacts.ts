import type { ListQuery, MeInfo, NumberExistResult, WAContact } from "../../waha/types.ts";
import { chatProfile, findContact, type SandboxContact, type SandboxDirectory } from "./sandbox-directory.ts";

/** What the user changed in the address book: blocked ids, and names given with `PUT …/contacts/{id}`. */
export type ContactEdits = { blocked: string[]; names: Record<string, string> };

export const noContactEdits: ContactEdits = { blocked: [], names: {} };

/** The fictional range our simulated people live in; see `checkNumber`. */
const FICTIONAL_PREFIX = "1555";

function sortAndPage<T>(items: T[], key: (item: T) => string, query: ListQuery): T[] {
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)));
  if (query.sortOrder === "desc") sorted.reverse();
  return sorted.slice(query.offset, query.offset + query.limit);
}

const digitsOf = (id: string) => id.split("@")[0] ?? id;

function contactShape(contact: SandboxContact, edits: ContactEdits): WAContact {
  return applyEdits({
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
  }, edits);
}

/** A name we gave makes the person one of our contacts; a block shows on anyone. */
function applyEdits(contact: WAContact, edits: ContactEdits): WAContact {
  const name = edits.names[contact.id];
  return {
    ...contact,
    ...(name ? { name, shortName: name.split(" ")[0] ?? name, isMyContact: true } : {}),
    isBlocked: edits.blocked.includes(contact.id),
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
    private readonly edits: ContactEdits = noContactEdits,
  ) {}

  list(query: ListQuery): WAContact[] {
    const key = query.sortBy === "name" ? (contact: WAContact) => contact.name ?? "" : (contact: WAContact) => contact.id;
    const named = Object.keys(this.edits.names).filter((id) => !findContact(this.directory, id)).map((id) => this.get(id));
    return sortAndPage([...this.directory.contacts.map((contact) => contactShape(contact, this.edits)), ...named], key, query);
  }

  /** As WhatsApp Web: any user id resolves; people outside the address book have no name. */
  get(contactId: string): WAContact {
    const contact = findContact(this.directory, contactId);
    if (contact) return contactShape(contact, this.edits);
    const number = digitsOf(contactId);
    const isMe = contactId === this.me.id;
    return applyEdits({
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
    }, this.edits);
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
}
