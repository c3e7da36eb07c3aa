import { setTimeout as sleep } from "node:timers/promises";
import type { Chat, Message } from "whatsapp-web.js";
import { HttpError } from "../../errors.ts";

/** How many of our newest messages in the target chat are compared before and after forwarding. */
const recentWindow = 10;
/** How often, and how far apart, the chat is read for the copy after `forward()` resolved. */
const lookupAttempts = 5;
const lookupDelayMs = 200;

export type ForwardTarget = Pick<Chat, "fetchMessages"> & { id: { _serialized: string } };

async function ourRecentMessages(chat: ForwardTarget): Promise<Message[]> {
  return chat.fetchMessages({ limit: recentWindow, fromMe: true });
}

/**
 * Forwards `original` to `chat` and answers the copy. whatsapp-web.js's `forward()` resolves with
 * nothing, so the copy is found in the chat: the newest message of ours that was not there before
 * and has the original's type (a forward keeps the type; the text may differ, since WhatsApp Web
 * reports a media message's caption only once its upload is known). If it never shows, the answer
 * is a 500 that says the forward itself went out, so that nobody retries it into a duplicate.
 */
export async function forwardMessage(original: Pick<Message, "forward" | "type">, chat: ForwardTarget, delayMs = lookupDelayMs): Promise<Message> {
  const before = new Set((await ourRecentMessages(chat)).map((message) => message.id._serialized));
  await original.forward(chat.id._serialized);
  for (let attempt = 1; attempt <= lookupAttempts; attempt++) {
    const copy = (await ourRecentMessages(chat)).findLast((message) => !before.has(message.id._serialized) && message.type === original.type);
    if (copy) return copy;
    if (attempt < lookupAttempts) await sleep(delayMs);
  }
  throw new HttpError(500, `The message was forwarded to '${chat.id._serialized}', but its copy did not show in the chat; forwarding it again would send it twice`);
}
