import { getAccount } from "@nexis/db/queries/account";
import * as chats from "@nexis/db/queries/chat";
import { markChatRead } from "@nexis/db/queries/outbound";
import { getFolder } from "@nexis/db/queries/folder";
import { getTag } from "@nexis/db/queries/tag";
import type { TRPCRouterRecord } from "@trpc/server";
import { encodeChatCursor, getChatSchema, listChatsSchema, markChatReadSchema } from "../../schemas/chat.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

const readChats = workspaceProcedure.use(requirePermission({ chat: ["read"] }));

/** The inbox's conversations; the messaging pipeline fills them from WhatsApp. */
export const chatRouter = {
  /** A page of chats, newest activity first, filtered by number, folder, tag, unread or archived. */
  list: readChats.input(listChatsSchema).query(async ({ ctx, input }) => {
    const { limit, cursor, ...filters } = input;
    // A filter naming something the workspace does not have is an error, not an empty inbox.
    const workspaceId = ctx.workspaceId;
    if (filters.accountId) found(await getAccount(ctx.db, { workspaceId, id: filters.accountId }), "Account");
    if (filters.folderId) found(await getFolder(ctx.db, { workspaceId, id: filters.folderId }), "Folder");
    if (filters.tagId) found(await getTag(ctx.db, { workspaceId, id: filters.tagId }), "Tag");
    const page = await chats.listChats(ctx.db, { workspaceId, filters, limit, cursor });
    return { items: page.items, nextCursor: page.nextCursor ? encodeChatCursor(page.nextCursor) : null };
  }),

  get: readChats
    .input(getChatSchema)
    .query(async ({ ctx, input }) => found(await chats.getChat(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Chat")),

  /** Clears the chat's unread count and tells the contact it was read (blue ticks), best effort. */
  markRead: workspaceProcedure
    .use(requirePermission({ chat: ["reply"] }))
    .input(markChatReadSchema)
    .mutation(async ({ ctx, input }) => {
      const chat = found(await markChatRead(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Chat");
      // Read receipts are a courtesy: a number that is offline must not stop the inbox.
      await ctx.whatsapp?.client.sendSeen({ session: chat.accountId, chatId: chat.waChatId }).catch(() => undefined);
      ctx.events.publish(ctx.workspaceId, { type: "chat", chatId: chat.id });
      return { id: chat.id, unreadCount: 0 };
    }),
} satisfies TRPCRouterRecord;
