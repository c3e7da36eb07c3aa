import type { Chat, Client, Message, Reaction } from "whatsapp-web.js";
import type { SessionStatus, WebhookEventName } from "../../waha/types.ts";
import { disconnectReason, type MessageSource, statusOfState, toAckBody, toEdited, toReaction, toRevoked, toWAMessage } from "./webjs-adapter.ts";

/** What a session does with its client's events, already in WAHA's terms. */
export type WebjsEventHandlers = {
  qr(value: string): void;
  ready(): void;
  /** The session cannot go on: the client is closed and the session FAILED with `reason`. */
  failed(reason: string): void;
  status(status: SessionStatus): void;
  event(event: WebhookEventName, payload: unknown): void;
  sourceOf(messageId: string): MessageSource;
  /** Our own id, once linked. */
  me(): string;
};

/** Subscribes the session to a client's events (whatsapp-web.js's names on the left). */
export function bindClientEvents(client: Client, on: WebjsEventHandlers): void {
  client.on("qr", (value: string) => on.qr(value));
  client.on("ready", () => on.ready());
  client.on("auth_failure", (message: string) => on.failed(`Authentication failed: ${message}`));
  client.on("disconnected", (reason: string) => on.failed(disconnectReason(reason)));
  client.on("change_state", (state: string) => {
    const status = statusOfState(state);
    if (status === "FAILED") on.failed(`WhatsApp Web is ${state}`);
    else if (status) on.status(status);
  });
  // WAHA's `message` is what others send us; `message.any` is every message, ours included.
  client.on("message", (message: Message) => on.event("message", toWAMessage(message, on.sourceOf(message.id._serialized))));
  client.on("message_create", (message: Message) => on.event("message.any", toWAMessage(message, on.sourceOf(message.id._serialized))));
  client.on("message_ack", (message: Message, ack: number) => on.event("message.ack", toAckBody(message, ack)));
  client.on("message_reaction", (reaction: Reaction) => on.event("message.reaction", toReaction(reaction, on.me())));
  client.on("message_edit", (message: Message, newBody: string) => on.event("message.edited", toEdited(message, String(newBody))));
  client.on("message_revoke_everyone", (after: Message, before?: Message | null) => on.event("message.revoked", toRevoked(after, before)));
  client.on("chat_archived", (chat: Chat, archived: boolean) =>
    on.event("chat.archive", { id: chat.id._serialized, archived, timestamp: Math.floor(Date.now() / 1000) }),
  );
}
