import { createHash } from "node:crypto";
import type { WAMessage } from "../../waha/types.ts";
import type { ContactBehaviour, SandboxContact } from "./sandbox-directory.ts";
import type { SandboxOptions } from "./sandbox-options.ts";

/** What a simulated contact can do back; `SandboxMessaging` provides it. */
export type ContactActions = {
  later: (ms: number, run: () => void) => void;
  presence: (from: string, presence: "typing" | "paused") => void;
  reply: (from: string, text: string) => void;
  react: (messageId: string, emoji: string) => void;
};

const replies = ["Sounds good!", "Thanks, got it 🙏", "Let me check and get back to you.", "Haha 😄", "Sure, no problem.", "Can we talk tomorrow?"];
const reactions = ["👍", "❤️", "😂", "🙏", "😮"];

/** Picks deterministically from the message, so a test sending the same text sees the same answer. */
function pick<T>(items: readonly T[], seed: string): T {
  return items[createHash("sha256").update(seed).digest().readUInt32BE(0) % items.length] as T;
}

/** The acks a message to this contact reaches: a contact that never answers never reads either. */
export function lastAckFor(behaviour: ContactBehaviour | null): 2 | 3 {
  return behaviour === "silent" ? 2 : 3;
}

/**
 * What the contact does once it has read our message: type, then reply; react; or nothing more
 * (`reads`). Delays come from `contactDelaysMs`, scaled like every sandbox timing.
 */
export function afterRead(contact: SandboxContact, message: WAMessage, options: SandboxOptions, actions: ContactActions): void {
  const { typing, reply, reaction } = options.contactDelaysMs;
  if (contact.behaviour === "replies") {
    actions.later(typing, () => {
      actions.presence(contact.id, "typing");
      actions.later(reply, () => {
        actions.presence(contact.id, "paused");
        actions.reply(contact.id, pick(replies, message.body));
      });
    });
  } else if (contact.behaviour === "reacts") {
    actions.later(reaction, () => actions.react(message.id, pick(reactions, message.body)));
  }
}
