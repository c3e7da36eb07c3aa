import type { SystemEvent, SystemPerson } from "@nexis/db/schema";

const person = (who: SystemPerson) => ("me" in who ? "You" : who.name);
const isMe = (who: SystemPerson | null) => who !== null && "me" in who;

/**
 * The English sentence WhatsApp shows for a system line ("Ana added Bruno"), kept as the message
 * body for search and for clients that do not know the event; the inbox renders `SystemEvent` in
 * the reader's language instead.
 */
export function systemLineInEnglish(event: SystemEvent): string {
  const by = "by" in event && event.by ? person(event.by) : null;
  switch (event.kind) {
    case "joined":
      return by && !isMe(event.by) ? `${by} added you` : "You joined this group";
    case "left":
      return by && !isMe(event.by) ? `${by} removed you` : "You left this group";
    case "subject":
      return by ? `${by} changed the group name to “${event.subject}”` : `The group name was changed to “${event.subject}”`;
    case "description":
      return by ? `${by} changed the group description` : "The group description was changed";
    case "send_policy":
      return event.adminsOnly ? "Only admins can send messages to this group now" : "All participants can send messages to this group now";
    case "edit_policy":
      return event.adminsOnly ? "Only admins can edit this group's info now" : "All participants can edit this group's info now";
    case "members": {
      const list = event.people.map(person).join(", ");
      const many = event.people.length > 1;
      switch (event.change) {
        case "add":
          return by ? `${by} added ${list}` : `${list} joined`;
        case "remove":
          return by ? `${by} removed ${list}` : `${list} left`;
        case "promote":
          return `${list} ${many ? "are now admins" : "is now an admin"}`;
        case "demote":
          return `${list} ${many ? "are no longer admins" : "is no longer an admin"}`;
      }
    }
  }
}
