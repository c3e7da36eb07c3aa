import type { Database } from "@nexis/db";
import * as ingest from "@nexis/db/queries/ingest";
import * as groups from "@nexis/db/queries/ingest-groups";
import * as identity from "@nexis/db/queries/ingest-identity";
import type { GroupMember, SystemEvent, SystemPerson } from "@nexis/db/schema";
import type { WorkspaceEvent } from "../events/workspace-events.ts";
import { isLid, isPhoneId, normalizeWaId } from "./contact-identity.ts";
import type { IngestTarget } from "./ingest.ts";
import { systemLineInEnglish } from "./system-lines.ts";
import { phoneFromWaId } from "./ingest.ts";
import type { WebhookEvent } from "./webhook-event.ts";
import type { GroupParticipantPayload } from "./webhook-payloads.ts";

type GroupEvent = Extract<WebhookEvent, { event: `group.v2.${string}` }>;

/** WAHA gives seconds; a value in milliseconds is read as such. */
const seconds = (timestamp: number) => Math.floor(timestamp > 1e12 ? timestamp / 1000 : timestamp);

const member = (participant: GroupParticipantPayload): GroupMember | null =>
  participant.role === "left"
    ? null
    : { id: normalizeWaId(participant.id), pn: participant.pn ? normalizeWaId(participant.pn) : null, role: participant.role };

const sameMember = (a: { id: string; pn?: string | null }, b: { id: string; pn?: string | null }) =>
  a.id === b.id || (!!a.pn && (a.pn === b.id || a.pn === b.pn)) || (!!b.pn && b.pn === a.id);

/** The people a system line names: the linked number itself, a contact's name, or a phone number. */
async function namer(db: Database, target: IngestTarget, me: string | null, people: { id: string; pn?: string | null }[]) {
  const ids = people.flatMap((person) => [person.id, person.pn ?? null]).filter((id): id is string => id !== null);
  const names = await groups.contactDisplayNames(db, { accountId: target.accountId, waIds: ids });
  return (person: { id: string; pn?: string | null }): SystemPerson => {
    if (me && (person.id === me || person.pn === me)) return { me: true };
    const phone = [person.pn, person.id].find((id) => id && isPhoneId(id));
    return { name: names.get(person.pn ?? "") ?? names.get(person.id) ?? (phone ? phoneFromWaId(phone) : null) ?? person.id.replace(/@.*$/, "") };
  };
}

/**
 * Applies a `group.v2.*` event to the group's chat: its subject, its members (kept on the chat)
 * and a system line in the conversation as WhatsApp shows it ("Ana added Bruno"). The event id
 * is claimed by the caller and names the system lines, so a replay adds nothing.
 */
export async function applyGroupEvent(
  db: Database,
  params: { target: IngestTarget; eventId: string; me: string | null; event: GroupEvent },
): Promise<WorkspaceEvent[]> {
  const { target, event } = params;
  const me = params.me ? normalizeWaId(params.me) : null;
  const chat = await groups.lockGroupChat(db, { ...target, waChatId: event.payload.group.id });
  const current = chat.participants ?? [];
  const actorData = event.payload._data;
  const actorId = actorData?.author ?? actorData?.actor ?? null;
  const lines: SystemEvent[] = [];
  let name: string | undefined;
  let participants: GroupMember[] | undefined;

  const everyone = [
    ...("participants" in event.payload ? event.payload.participants : []),
    ...(event.event === "group.v2.join" ? event.payload.group.participants : []),
  ];
  await linkParticipants(db, target, everyone);
  const nameOf = await namer(db, target, me, [...everyone, ...(actorId ? [{ id: normalizeWaId(actorId) }] : [])]);
  const actor = actorId ? nameOf({ id: normalizeWaId(actorId) }) : null;

  switch (event.event) {
    case "group.v2.join": {
      name = event.payload.group.subject ?? undefined;
      participants = event.payload.group.participants.map(member).filter((entry) => entry !== null);
      lines.push({ kind: "joined", by: actor });
      break;
    }
    case "group.v2.leave": {
      participants = me ? current.filter((entry) => !sameMember(entry, { id: me })) : current;
      lines.push({ kind: "left", by: actor });
      break;
    }
    case "group.v2.update": {
      const { group } = event.payload;
      if (group.subject) {
        name = group.subject;
        lines.push({ kind: "subject", by: actor, subject: group.subject });
      }
      if (group.description !== undefined && group.description !== null) lines.push({ kind: "description", by: actor });
      const adminsOnlySend = group.announce ?? (typeof group.membersCanSendMessages === "boolean" ? !group.membersCanSendMessages : null);
      if (adminsOnlySend !== null) lines.push({ kind: "send_policy", adminsOnly: adminsOnlySend });
      if (typeof group.restrict === "boolean") lines.push({ kind: "edit_policy", adminsOnly: group.restrict });
      break;
    }
    case "group.v2.participants": {
      const { type } = event.payload;
      const changed = event.payload.participants.map((entry) => ({ id: normalizeWaId(entry.id), pn: entry.pn ? normalizeWaId(entry.pn) : null, role: entry.role }));
      const others = current.filter((entry) => !changed.some((change) => sameMember(entry, change)));
      if (type === "leave") participants = others;
      else {
        const role = (change: (typeof changed)[number]): GroupMember["role"] =>
          type === "promote" ? (change.role === "superadmin" ? "superadmin" : "admin") : type === "demote" ? "participant" : change.role === "left" ? "participant" : change.role;
        participants = [...others, ...changed.map((change) => ({ id: change.id, pn: change.pn, role: role(change) }))];
      }
      const actingOnOthers = actor && !changed.some((change) => actorId && sameMember(change, { id: normalizeWaId(actorId) }));
      const change = type === "join" ? "add" : type === "leave" ? "remove" : type;
      lines.push({ kind: "members", change, by: actingOnOthers ? actor : null, people: changed.map(nameOf) });
      break;
    }
  }

  await groups.updateGroupChat(db, { chatId: chat.id, ...(name === undefined ? {} : { name }), ...(participants === undefined ? {} : { participants }) });
  const at = seconds(event.payload.timestamp);
  const inserted = await ingest.insertMessages(
    db,
    lines.map((system, index) => ({
      ...target,
      chatId: chat.id,
      waMessageId: `system_${params.eventId}_${index}`,
      fromMe: false,
      author: actorId ? normalizeWaId(actorId) : null,
      type: "system",
      body: systemLineInEnglish(system),
      system,
      ack: 0,
      timestamp: at,
      media: null,
      quoted: null,
    })),
  );
  if (inserted.length > 0) await ingest.bumpChats(db, [{ chatId: chat.id, lastMessageAt: new Date(at * 1000), unread: 0 }]);
  return [{ type: "chat", chatId: chat.id }, ...inserted.map((row): WorkspaceEvent => ({ type: "message", chatId: chat.id, messageId: row.id }))];
}

/** Members named by both ids (`@lid` with its `pn`) become one contact, as in one-to-one chats. */
async function linkParticipants(db: Database, target: IngestTarget, participants: GroupParticipantPayload[]) {
  const pairs = participants
    .map((participant) => ({ id: normalizeWaId(participant.id), pn: participant.pn ? normalizeWaId(participant.pn) : null }))
    .filter((participant) => isLid(participant.id) && participant.pn && isPhoneId(participant.pn))
    .map((participant) => ({ accountId: target.accountId, pn: participant.pn as string, lid: participant.id }));
  for (const pair of await identity.unlinkedIdentities(db, pairs)) {
    await identity.linkContactIdentity(db, { ...pair, workspaceId: target.workspaceId, phoneNumber: phoneFromWaId(pair.pn) });
  }
}
