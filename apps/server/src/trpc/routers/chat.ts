import { getAccount } from "@nexis/db/queries/account";
import * as chats from "@nexis/db/queries/chat";
import { getFolder } from "@nexis/db/queries/folder";
import { getTag } from "@nexis/db/queries/tag";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { findMembership } from "@nexis/db/queries/workspace";
import {
  archiveChatSchema,
  assignChatSchema,
  chatTypingSchema,
  encodeChatCursor,
  getChatSchema,
  listChatsSchema,
  markChatReadSchema,
  markChatUnreadSchema,
  muteChatSchema,
  pinChatSchema,
} from "../../schemas/chat.ts";
import { typingGate } from "../../services/outbound/typing-gate.ts";
import { callWhatsApp } from "../../services/whatsapp/whatsapp-link.ts";
import { found } from "../errors.ts";
import { memberReadProcedure, requirePermission, workspaceProcedure } from "../init.ts";
import type { Context } from "../init.ts";

// Every role reads chats (`auth/permissions.ts`).
const readChats = memberReadProcedure;
const handleChats = workspaceProcedure.use(requirePermission({ chat: ["reply"] }));

/** Applies an inbox change to one of the workspace's chats and tells the live stream. */
async function changeChat(ctx: Pick<Context, "db" | "events"> & { workspaceId: string }, id: string, changes: chats.ChatChanges) {
  const chat = found(await chats.updateChat(ctx.db, { workspaceId: ctx.workspaceId, id, changes }), "Chat");
  ctx.events.publish(ctx.workspaceId, { type: "chat", chatId: chat.id });
  return chat;
}

/** The inbox's conversations; the messaging pipeline fills them from WhatsApp. */
export const chatRouter = {
  /** A page of chats, newest activity first, filtered by number, folder, tag, unread or archived. */
  list: readChats.input(listChatsSchema).query(async ({ ctx, input }) => {
    const { limit, cursor, assignee, ...rest } = input;
    const assignedTo = assignee === undefined ? undefined : assignee === "unassigned" ? null : assignee === "me" ? ctx.session.user.id : assignee;
    const filters = { ...rest, assignedTo };
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

  /** Gives the chat to a member (they see it under "Mine"), or back to nobody with `userId: null`. */
  assign: handleChats.input(assignChatSchema).mutation(async ({ ctx, input }) => {
    if (input.userId && !(await findMembership(ctx.db, { userId: input.userId, workspaceId: ctx.workspaceId }))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "That person is not a member of this workspace." });
    }
    await changeChat(ctx, input.id, { assigneeUserId: input.userId });
    return { id: input.id, assigneeUserId: input.userId };
  }),

  /** Archives a chat (out of the inbox until archived: false, or a new message… as the agent prefers). */
  setArchived: handleChats.input(archiveChatSchema).mutation(async ({ ctx, input }) => {
    await changeChat(ctx, input.id, { archived: input.archived });
    return { id: input.id, archived: input.archived };
  }),

  /** Pins a chat above the others, or unpins it. */
  setPinned: handleChats.input(pinChatSchema).mutation(async ({ ctx, input }) => {
    const pinnedAt = input.pinned ? new Date() : null;
    await changeChat(ctx, input.id, { pinnedAt });
    return { id: input.id, pinnedAt };
  }),

  /** Mutes a chat's notifications, or unmutes them. */
  setMuted: handleChats.input(muteChatSchema).mutation(async ({ ctx, input }) => {
    await changeChat(ctx, input.id, { muted: input.muted });
    return { id: input.id, muted: input.muted };
  }),

  /** Marks the chat unread again (one unread at least), as "mark as unread" on the phone. */
  markUnread: handleChats.input(markChatUnreadSchema).mutation(async ({ ctx, input }) => {
    const current = found(await chats.getChat(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Chat");
    const unreadCount = Math.max(1, current.unreadCount);
    await changeChat(ctx, input.id, { unreadCount });
    return { id: input.id, unreadCount };
  }),

  /** Clears the chat's unread count and tells the contact it was read (blue ticks), best effort. */
  markRead: handleChats
    .input(markChatReadSchema)
    .mutation(async ({ ctx, input }) => {
      const chat = await changeChat(ctx, input.id, { unreadCount: 0 });
      // Read receipts are a courtesy: a number that is offline must not stop the inbox.
      await ctx.whatsapp?.client.sendSeen({ session: chat.accountId, chatId: chat.waChatId }).catch(() => undefined);
      return { id: chat.id, unreadCount: 0 };
    }),

  /**
   * Shows the contact "typing…" while the agent writes (`typing: false` when they stop or send).
   * Repeated starts within a few seconds are answered without a call (`sent: false`).
   */
  typing: handleChats.input(chatTypingSchema).mutation(async ({ ctx, input }) => {
    const chat = found(await chats.getChatForSend(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Chat");
    if (chat.accountStatus !== "WORKING") throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This chat's number is not connected (${chat.accountStatus}).` });
    if (!ctx.whatsapp) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server has no WhatsApp service configured (WHATSAPP_SERVER_URL)." });
    const sent = typingGate.shouldSend(chat.id, input.typing);
    if (sent) {
      const { client } = ctx.whatsapp;
      const target = { session: chat.accountId, chatId: chat.waChatId };
      await callWhatsApp(() => (input.typing ? client.startTyping(target) : client.stopTyping(target)));
    }
    return { id: chat.id, typing: input.typing, sent };
  }),
} satisfies TRPCRouterRecord;
