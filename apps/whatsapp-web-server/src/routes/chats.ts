import { Elysia } from "elysia";
import { z } from "zod";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { type Ack, ackNames } from "../waha/types.ts";
import { chatIdSchema } from "./chatting-schemas.ts";

/** Query strings carry booleans as words. */
const booleanQuery = z.enum(["true", "false"]).transform((value) => value === "true");

const pagination = {
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

const chatsQuerySchema = z.object({
  ...pagination,
  sortBy: z.enum(["conversationTimestamp", "id", "name"]).default("conversationTimestamp"),
  sortOrder: z.enum(["desc", "asc"]).default("desc"),
  merge: booleanQuery.optional(),
});

/** `ids` may come once (`ids=a`) or repeated (`ids=a&ids=b`). */
const idsSchema = z.union([chatIdSchema.transform((id) => [id]), z.array(chatIdSchema)]).optional();

const overviewQuerySchema = z.object({ ...pagination, ids: idsSchema, merge: booleanQuery.optional() });

/** WAHA's `OverviewBodyRequest`. */
const overviewBodySchema = z.object({
  pagination: z.object(pagination),
  filter: z.object({ ids: z.array(chatIdSchema).optional() }).optional(),
});

const ackByName = Object.fromEntries(Object.entries(ackNames).map(([value, name]) => [name, Number(value) as Ack]));

const messagesQuerySchema = z.object({
  ...pagination,
  sortBy: z.enum(["timestamp", "messageTimestamp"]).default("timestamp"),
  sortOrder: z.enum(["desc", "asc"]).default("desc"),
  downloadMedia: booleanQuery.optional(),
  merge: booleanQuery.optional(),
  "filter.fromMe": booleanQuery.optional(),
  "filter.timestamp.gte": z.coerce.number().optional(),
  "filter.timestamp.lte": z.coerce.number().optional(),
  "filter.ack": z.enum(["ERROR", "PENDING", "SERVER", "DEVICE", "READ", "PLAYED"]).optional(),
});

/** WAHA's chat routes (`ChatsController`) implemented so far: chats, their messages, archive and unread marks. */
export function chatRoutes(sessions: SessionManager) {
  const engine = (session: string) => sessions.engine(parseSessionName(session));
  return new Elysia({ name: "chats" })
    .get("/api/:session/chats", ({ params, query }) => {
      const input = parseInput(chatsQuerySchema, query);
      return engine(params.session).getChats(input);
    })
    .get("/api/:session/chats/overview", ({ params, query }) => {
      const input = parseInput(overviewQuerySchema, query);
      return engine(params.session).getChatsOverview(input);
    })
    .post("/api/:session/chats/overview", ({ params, body, set }) => {
      const input = parseInput(overviewBodySchema, body);
      set.status = 201;
      return engine(params.session).getChatsOverview({ ...input.pagination, ids: input.filter?.ids });
    })
    .get("/api/:session/chats/:chatId/messages", ({ params, query }) => {
      const chatId = parseInput(chatIdSchema, params.chatId);
      const input = parseInput(messagesQuerySchema, query);
      const ack = input["filter.ack"];
      return engine(params.session).getMessages(chatId, {
        limit: input.limit,
        offset: input.offset,
        sortOrder: input.sortOrder,
        fromMe: input["filter.fromMe"],
        timestampGte: input["filter.timestamp.gte"],
        timestampLte: input["filter.timestamp.lte"],
        ack: ack === undefined ? undefined : ackByName[ack],
      });
    })
    .post("/api/:session/chats/:chatId/messages/read", ({ params, set }) => {
      const chatId = parseInput(chatIdSchema, params.chatId);
      set.status = 201;
      return engine(params.session).readMessages(chatId);
    })
    .delete("/api/:session/chats/:chatId", async ({ params }) => {
      await engine(params.session).deleteChat(parseInput(chatIdSchema, params.chatId));
    })
    .delete("/api/:session/chats/:chatId/messages", async ({ params }) => {
      await engine(params.session).clearMessages(parseInput(chatIdSchema, params.chatId));
    })
    .post("/api/:session/chats/:chatId/archive", async ({ params, set }) => {
      await engine(params.session).setArchived(parseInput(chatIdSchema, params.chatId), true);
      set.status = 201;
      return {};
    })
    .post("/api/:session/chats/:chatId/unarchive", async ({ params, set }) => {
      await engine(params.session).setArchived(parseInput(chatIdSchema, params.chatId), false);
      set.status = 201;
      return {};
    })
    .post("/api/:session/chats/:chatId/unread", async ({ params, set }) => {
      await engine(params.session).markUnread(parseInput(chatIdSchema, params.chatId));
      set.status = 201;
      return {};
    });
}
