import { m } from "@nexis/i18n/messages";
import { getLocale } from "@nexis/i18n/runtime";
import type { Message } from "./api-types.ts";

type SystemEvent = NonNullable<Message["system"]>;
type SystemPerson = Extract<SystemEvent, { kind: "members" }>["people"][number];

const isMe = (who: SystemPerson | null): boolean => who !== null && "me" in who;
const nameOf = (who: SystemPerson) => ("me" in who ? m.system_you() : who.name);

/** "Ana, Bruno and you" in the reader's language ("You" only when it opens the sentence). */
function peopleList(people: SystemPerson[]): string {
  const names = people.map((who, index) => (index > 0 && "me" in who ? m.system_you_in_list() : nameOf(who)));
  return new Intl.ListFormat(getLocale(), { type: "conjunction" }).format(names);
}

function membersLine(event: Extract<SystemEvent, { kind: "members" }>): string {
  const people = peopleList(event.people);
  const many = event.people.length > 1;
  const onlyMe = event.people.length === 1 && isMe(event.people[0] ?? null);
  const actor = event.by && !isMe(event.by) ? nameOf(event.by) : null;
  switch (event.change) {
    case "add":
      if (isMe(event.by)) return m.system_members_added_by_you({ people });
      if (actor) return m.system_members_added_by({ actor, people });
      return many ? m.system_members_joined_many({ people }) : m.system_members_joined_one({ people });
    case "remove":
      if (isMe(event.by)) return m.system_members_removed_by_you({ people });
      if (actor) return m.system_members_removed_by({ actor, people });
      return many ? m.system_members_left_many({ people }) : m.system_members_left_one({ people });
    case "promote":
      if (onlyMe) return m.system_promoted_you();
      return many ? m.system_promoted_many({ people }) : m.system_promoted_one({ people });
    case "demote":
      if (onlyMe) return m.system_demoted_you();
      return many ? m.system_demoted_many({ people }) : m.system_demoted_one({ people });
  }
}

/**
 * A WhatsApp system line ("Ana added Bruno") in the reader's language. Lines stored before the
 * server kept them as data fall back to their English body.
 */
export function systemLineText(message: Pick<Message, "system" | "body">): string {
  const event = message.system;
  if (!event) return message.body ?? "";
  const by = "by" in event ? event.by : null;
  const actor = by && !isMe(by) ? nameOf(by) : null;
  switch (event.kind) {
    case "joined":
      return actor ? m.system_added_you({ actor }) : m.system_you_joined();
    case "left":
      return actor ? m.system_removed_you({ actor }) : m.system_you_left();
    case "subject":
      if (isMe(by)) return m.system_subject_by_you({ subject: event.subject });
      return actor ? m.system_subject_by({ actor, subject: event.subject }) : m.system_subject({ subject: event.subject });
    case "description":
      if (isMe(by)) return m.system_description_by_you();
      return actor ? m.system_description_by({ actor }) : m.system_description();
    case "send_policy":
      return event.adminsOnly ? m.system_send_admins() : m.system_send_everyone();
    case "edit_policy":
      return event.adminsOnly ? m.system_edit_admins() : m.system_edit_everyone();
    case "members":
      return membersLine(event);
  }
}
