import { createHash } from "node:crypto";
import { avatarDataUri } from "./sandbox-avatar.ts";
import { chatIdOf } from "./simulated-phone.ts";

/** What a simulated contact does when we write to it (see `sandbox-behaviours.ts`). */
export type ContactBehaviour = "replies" | "reacts" | "reads" | "silent";

export type SandboxContact = {
  /** `<digits>@c.us` */
  id: string;
  /** The hidden id WhatsApp also knows the person by (`<15 digits>@lid`); see `lidOf`. */
  lid: string;
  number: string;
  name: string;
  about: string;
  picture: string;
  behaviour: ContactBehaviour;
};

export type SandboxGroup = {
  /** `<digits>@g.us` */
  id: string;
  subject: string;
  description: string;
  picture: string;
  /** Unix seconds. */
  creation: number;
  owner: string;
  /** Contact ids; the session's own account is a member too (added by the views). */
  members: string[];
};

/** One line of a chat history: who said it (`me`, or a contact id) and how long ago. */
export type HistoryLine = { chatId: string; author: "me" | string; body: string; minutesAgo: number };

export type SandboxDirectory = { contacts: SandboxContact[]; groups: SandboxGroup[]; history: HistoryLine[] };

const firstNames = ["Ana", "Bruno", "Chloé", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Maya", "Nils", "Olga", "Priya"];
const lastNames = ["Almeida", "Brooks", "Costa", "Dubois", "Eriksen", "Fujita", "Garcia", "Haddad", "Ivanova", "Jensen", "Khan", "Lopez"];
const abouts = ["Hey there! I am using WhatsApp.", "Busy", "At work", "Available", "🌍 travelling", "Only urgent calls"];
const groupSubjects = ["Team lunch 🍕", "Project Falcon", "Book club", "Weekend hikers", "Family", "Support escalations"];
/** Every behaviour appears, whatever the seed: the first four contacts get one each, shuffled. */
const behaviours: ContactBehaviour[] = ["replies", "reacts", "reads", "silent"];

export const CONTACT_COUNT = 8;

/**
 * A small deterministic random source (sha256 of the seed and a counter), so a session's contacts,
 * groups and history are the same on every run and after a restart without storing them.
 */
function seeded(seed: string) {
  let counter = 0;
  const next = () => createHash("sha256").update(`${seed}:${counter++}`).digest().readUInt32BE(0);
  return {
    int: (max: number) => next() % max,
    pick: <T>(items: readonly T[]): T => items[next() % items.length] as T,
    shuffle: <T>(items: readonly T[]): T[] =>
      items
        .map((item) => ({ item, key: next() }))
        .sort((a, b) => a.key - b.key)
        .map(({ item }) => item),
  };
}

/**
 * A person's fictional hidden id: 15 digits hashed from the phone, so the same person has the
 * same one in every session and after a restart (WhatsApp's real ones are as opaque).
 */
export function lidOf(phone: string): string {
  const digits = createHash("sha256").update(`sandbox-lid:${phone}`).digest().readBigUInt64BE(0) % 10n ** 14n;
  return `1${String(digits).padStart(14, "0")}@lid`;
}

/** The simulated contacts, groups and chat history of the account with this phone number. */
export function sandboxDirectory(phone: string): SandboxDirectory {
  const random = seeded(`sandbox-directory:${phone}`);
  const names = random.shuffle(firstNames).slice(0, CONTACT_COUNT);
  const firstBehaviours = random.shuffle(behaviours);
  const numbers = new Set<string>();
  const contacts = names.map((first, index): SandboxContact => {
    // 1555 is the fictional range; distinct from each other and from our own number.
    let number = "";
    do number = `1555${String(random.int(10_000_000)).padStart(7, "0")}`;
    while (numbers.has(number) || number === phone);
    numbers.add(number);
    const name = `${first} ${random.pick(lastNames)}`;
    const id = chatIdOf(number);
    return { id, lid: lidOf(number), number, name, about: random.pick(abouts), picture: avatarDataUri(id, name), behaviour: firstBehaviours[index] ?? random.pick(behaviours) };
  });
  const now = Math.floor(Date.now() / 1000);
  const groups = random
    .shuffle(groupSubjects)
    .slice(0, 2)
    .map((subject, index): SandboxGroup => {
      const members = random.shuffle(contacts).slice(0, 3 + index);
      const id = `120363${String(random.int(1_000_000_000)).padStart(9, "0")}${index}@g.us`;
      return {
        id,
        subject,
        description: `Sandbox group "${subject}"`,
        picture: avatarDataUri(id, subject),
        creation: now - 86_400 * (30 + random.int(300)),
        owner: (members[0] as SandboxContact).id,
        members: members.map((member) => member.id),
      };
    });
  return { contacts, groups, history: historyOf(contacts, groups) };
}

/** A few chats with past messages: two contacts and both groups. */
function historyOf(contacts: SandboxContact[], groups: SandboxGroup[]): HistoryLine[] {
  const [first, second] = contacts as [SandboxContact, SandboxContact];
  const [group, otherGroup] = groups as [SandboxGroup, SandboxGroup];
  const [memberA, memberB] = group.members as [string, string];
  return [
    { chatId: first.id, author: first.id, body: `Hi! It's ${first.name.split(" ")[0]}, are we still on for tomorrow?`, minutesAgo: 180 },
    { chatId: first.id, author: "me", body: "Yes, 10am works for me.", minutesAgo: 175 },
    { chatId: first.id, author: first.id, body: "Great, see you then 👍", minutesAgo: 170 },
    { chatId: second.id, author: second.id, body: "Did you get the invoice I sent?", minutesAgo: 60 },
    { chatId: group.id, author: memberA, body: `Welcome to ${group.subject}!`, minutesAgo: 1_440 },
    { chatId: group.id, author: memberB, body: "Thanks for adding me 🙌", minutesAgo: 1_430 },
    { chatId: group.id, author: "me", body: "Hello everyone", minutesAgo: 1_425 },
    { chatId: otherGroup.id, author: otherGroup.owner, body: "Reminder: meeting on Friday", minutesAgo: 2_880 },
  ];
}

/** A contact of the directory by chat id or bare number. */
export function findContact(directory: SandboxDirectory, idOrNumber: string): SandboxContact | null {
  const id = idOrNumber.includes("@") ? idOrNumber : chatIdOf(idOrNumber);
  return directory.contacts.find((contact) => contact.id === id) ?? null;
}

/** A chat's name and picture as the phone shows them: the contact's, or the group's. */
export function chatProfile(directory: SandboxDirectory, chatId: string): { name: string; picture: string } | null {
  const contact = findContact(directory, chatId);
  if (contact) return { name: contact.name, picture: contact.picture };
  const group = directory.groups.find((candidate) => candidate.id === chatId);
  return group ? { name: group.subject, picture: group.picture } : null;
}
