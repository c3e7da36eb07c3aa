import { Elysia } from "elysia";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput } from "../sessions/session-schemas.ts";
import { chatRequestSchema, reactionSchema, sendContactVcardSchema, sendLocationSchema, sendSeenSchema, sendTextSchema } from "./chatting-schemas.ts";

/** `undefined` for null: WAHA clients send `null` for "not set". */
const orUndefined = <T>(value: T | null | undefined) => value ?? undefined;

/** WAHA's sending routes (`ChattingController`) implemented so far; each answers WAHA's status. */
export function chattingRoutes(sessions: SessionManager) {
  return new Elysia({ name: "chatting" })
    .post("/api/sendText", async ({ body, set }) => {
      const input = parseInput(sendTextSchema, body);
      set.status = 201;
      return sessions.engine(input.session).sendText({ ...input, reply_to: orUndefined(input.reply_to), id: orUndefined(input.id) });
    })
    .post("/api/reply", async ({ body, set }) => {
      const input = parseInput(sendTextSchema, body);
      set.status = 201;
      return sessions.engine(input.session).sendText({ ...input, reply_to: orUndefined(input.reply_to), id: orUndefined(input.id) });
    })
    .post("/api/sendLocation", async ({ body, set }) => {
      const input = parseInput(sendLocationSchema, body);
      set.status = 201;
      return sessions.engine(input.session).sendLocation({ ...input, reply_to: orUndefined(input.reply_to), id: orUndefined(input.id) });
    })
    .post("/api/sendContactVcard", async ({ body, set }) => {
      const input = parseInput(sendContactVcardSchema, body);
      set.status = 201;
      return sessions.engine(input.session).sendContactVcard({ ...input, reply_to: orUndefined(input.reply_to), id: orUndefined(input.id) });
    })
    .put("/api/reaction", async ({ body }) => {
      const input = parseInput(reactionSchema, body);
      await sessions.engine(input.session).setReaction(input);
      return {};
    })
    .post("/api/sendSeen", async ({ body, set }) => {
      const input = parseInput(sendSeenSchema, body);
      const messageIds = input.messageIds ?? (input.messageId ? [input.messageId] : undefined);
      await sessions.engine(input.session).sendSeen({ session: input.session, chatId: input.chatId, messageIds });
      set.status = 201;
      return {};
    })
    .post("/api/startTyping", async ({ body, set }) => {
      const input = parseInput(chatRequestSchema, body);
      await sessions.engine(input.session).startTyping(input);
      set.status = 201;
    })
    .post("/api/stopTyping", async ({ body, set }) => {
      const input = parseInput(chatRequestSchema, body);
      await sessions.engine(input.session).stopTyping(input);
      set.status = 201;
    });
}
