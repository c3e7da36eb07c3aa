import { randomBytes } from "node:crypto";
import { getChatForSend } from "@nexis/db/queries/chat";
import * as messages from "@nexis/db/queries/message";
import * as outbound from "@nexis/db/queries/outbound";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { encodeMessageCursor, getMessageSchema, listMessagesSchema, retryMessageSchema, sendMessageSchema } from "../../schemas/chat.ts";
import { requireWorkspaceChats } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { assertAccountWithinPlan, enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

const readChats = workspaceProcedure.use(requirePermission({ chat: ["read"] }));
const replyToChats = workspaceProcedure.use(requirePermission({ chat: ["reply"] }));

/** A message key shaped like WhatsApp Web's (`3EB0` and hex), chosen before sending. */
const newMessageKey = () => `3EB0${randomBytes(10).toString("hex").toUpperCase()}`;

/** Messages of the workspace's chats: reading, and sending through the outbound queue. */
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

  /**
   * Sends a text: the message (pending, ack 0) and its outbox job are written together and the
   * call answers at once; the queue delivers it and acks follow by webhook. The same `clientId`
   * twice sends once.
   */
  send: replyToChats
    .input(sendMessageSchema)
    .use(enforcePlanLimit("monthlyOutboundMessages"))
    .mutation(async ({ ctx, input }) => {
      const workspaceId = ctx.workspaceId;
      const chat = found(await getChatForSend(ctx.db, { workspaceId, id: input.chatId }), "Chat");
      await assertAccountWithinPlan(ctx, chat.accountId);
      if (chat.accountStatus !== "WORKING") {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This chat's number is not connected (${chat.accountStatus}). Reconnect it in Settings → Numbers.` });
      }
      const replyTo = input.replyToId ? found(await messages.getMessage(ctx.db, { workspaceId, id: input.replyToId }), "Message") : null;
      if (replyTo && replyTo.chatId !== chat.id) throw new TRPCError({ code: "BAD_REQUEST", message: "A reply must quote a message of the same chat." });
      const key = newMessageKey();
      const result = await outbound.enqueueTextMessage(ctx.db, {
        workspaceId,
        accountId: chat.accountId,
        chatId: chat.id,
        waChatId: chat.waChatId,
        text: input.text,
        replyTo: replyTo?.waMessageId ?? null,
        sentByUserId: ctx.session.user.id,
        idempotencyKey: input.clientId ?? key,
        key,
      });
      ctx.outbound?.wake();
      const message = found(result.message, "Message");
      ctx.events.publish(workspaceId, { type: "message", chatId: chat.id, messageId: message.id });
      return message;
    }),

  /** Sends a FAILED message again. */
  retry: replyToChats.input(retryMessageSchema).mutation(async ({ ctx, input }) => {
    const requeued = await outbound.requeueFailedMessage(ctx.db, { workspaceId: ctx.workspaceId, messageId: input.id });
    if (!requeued) throw new TRPCError({ code: "NOT_FOUND", message: "No failed message to send again." });
    ctx.outbound?.wake();
    const message = found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Message");
    ctx.events.publish(ctx.workspaceId, { type: "message", chatId: message.chatId, messageId: message.id });
    return message;
  }),
} satisfies TRPCRouterRecord;
