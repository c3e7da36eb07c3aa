import { Elysia } from "elysia";
import { z } from "zod";
import { badRequest } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { presenceStatuses } from "../waha/types.ts";
import { chatIdSchema } from "./chatting-schemas.ts";

/** WAHA's `WAHASessionPresence`. */
export const setPresenceSchema = z.object({ presence: z.enum(presenceStatuses), chatId: chatIdSchema.optional() });

/** WAHA's presence routes (`PresenceController`). */
export function presenceRoutes(sessions: SessionManager) {
  return new Elysia({ name: "presence" })
    .post("/api/:session/presence", async ({ params, body, set }) => {
      const input = parseInput(setPresenceSchema, body);
      // As WAHA: online/offline are global, the others belong to one chat.
      const global = input.presence === "online" || input.presence === "offline";
      if (global && input.chatId) throw badRequest(`'${input.presence}' presence works on the global scope and doesn't require 'chatId' field.`);
      if (!global && !input.chatId) throw badRequest(`'${input.presence}' presence requires 'chatId' field.`);
      await sessions.engine(parseSessionName(params.session)).setPresence(input);
      set.status = 201;
    })
    .get("/api/:session/presence", ({ params }) => sessions.engine(parseSessionName(params.session)).getPresences())
    .get("/api/:session/presence/:chatId", ({ params }) => {
      const chatId = parseInput(chatIdSchema, params.chatId);
      return sessions.engine(parseSessionName(params.session)).getPresence(chatId);
    });
}
