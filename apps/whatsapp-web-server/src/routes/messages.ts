import { Elysia } from "elysia";
import { z } from "zod";
import { badRequest } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { chatIdSchema } from "./chatting-schemas.ts";

/** WAHA's `EditMessageRequest`. */
const editMessageSchema = z.object({
  text: z.string().min(1).max(65_536),
  linkPreview: z.boolean().optional(),
  linkPreviewHighQuality: z.boolean().optional(),
});

type MessageParams = { session: string; chatId: string; messageId: string };

/** A path segment decoded (`%40` → `@`); a malformed escape is a 400, not a 500. */
export function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`Malformed path segment: ${value}`);
  }
}

/** The session, chat and message named by the URL, validated. */
function messageRef(params: MessageParams) {
  const session = parseSessionName(params.session);
  const chatId = parseInput(chatIdSchema, decodeSegment(params.chatId));
  return { session, chatId, messageId: decodeSegment(params.messageId) };
}

/** WAHA's single-message routes (`ChatsController`): read, edit, revoke. */
export function messageRoutes(sessions: SessionManager) {
  const path = "/api/:session/chats/:chatId/messages/:messageId";
  return new Elysia({ name: "messages" })
    .get(path, ({ params }) => {
      const ref = messageRef(params);
      return sessions.engine(ref.session).getMessage(ref);
    })
    .put(path, async ({ params, body }) => {
      const ref = messageRef(params);
      const input = parseInput(editMessageSchema, body);
      await sessions.engine(ref.session).editMessage({ ...ref, text: input.text });
    })
    .delete(path, async ({ params }) => {
      const ref = messageRef(params);
      await sessions.engine(ref.session).deleteMessage(ref);
    });
}
