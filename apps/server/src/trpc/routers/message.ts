import * as messages from "@nexis/db/queries/message";
import type { TRPCRouterRecord } from "@trpc/server";
import { encodeMessageCursor, getMessageSchema, listMessagesSchema } from "../../schemas/chat.ts";
import { requireWorkspaceChats } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

const readChats = workspaceProcedure.use(requirePermission({ chat: ["read"] }));

/** Messages of the workspace's chats; sending comes with the messaging pipeline. */
export const messageRouter = {
  /** A page of one chat's messages, newest first. */
  list: readChats.input(listMessagesSchema).query(async ({ ctx, input }) => {
    await requireWorkspaceChats(ctx.db, { workspaceId: ctx.workspaceId, chatIds: [input.chatId] });
    const page = await messages.listMessages(ctx.db, { workspaceId: ctx.workspaceId, chatId: input.chatId, limit: input.limit, cursor: input.cursor });
    return { items: page.items, nextCursor: page.nextCursor ? encodeMessageCursor(page.nextCursor) : null };
  }),

  get: readChats
    .input(getMessageSchema)
    .query(async ({ ctx, input }) => found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Message")),
} satisfies TRPCRouterRecord;
