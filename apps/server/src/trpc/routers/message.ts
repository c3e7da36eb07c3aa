import { randomBytes } from "node:crypto";
import { getChatForSend } from "@nexis/db/queries/chat";
import * as messages from "@nexis/db/queries/message";
import * as outbound from "@nexis/db/queries/outbound";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import {
  editMessageSchema,
  encodeMessageCursor,
  getMessageSchema,
  listMessagesSchema,
  reactToMessageSchema,
  retryMessageSchema,
  revokeMessageSchema,
  sendMessageSchema,
} from "../../schemas/chat.ts";
import { callWhatsApp, type WhatsAppLink } from "../../services/whatsapp/whatsapp-link.ts";
import type { Context } from "../init.ts";
import { requireWorkspaceChats } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { assertAccountWithinPlan, enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

const readChats = workspaceProcedure.use(requirePermission({ chat: ["read"] }));
const replyToChats = workspaceProcedure.use(requirePermission({ chat: ["reply"] }));

/** A message key shaped like WhatsApp Web's (`3EB0` and hex), chosen before sending. */
const newMessageKey = () => `3EB0${randomBytes(10).toString("hex").toUpperCase()}`;

/**
 * Runs a WhatsApp command on one of the workspace's messages (react, edit, revoke) on its
 * number's session. The stored message changes when the service's webhook confirms it.
 */
async function onMessage(
  ctx: Pick<Context, "db" | "whatsapp"> & { workspaceId: string },
  id: string,
  command: (client: WhatsAppLink["client"], target: { session: string; chatId: string; messageId: string }) => Promise<unknown>,
  options: { ownOnly: boolean },
) {
  const message = found(await messages.getMessageTarget(ctx.db, { workspaceId: ctx.workspaceId, id }), "Message");
  if (options.ownOnly && !message.fromMe) throw new TRPCError({ code: "FORBIDDEN", message: "Only messages sent from this number can be changed." });
  if (message.deletedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This message was deleted." });
  if (!ctx.whatsapp) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server has no WhatsApp service configured (WHATSAPP_SERVER_URL)." });
  const { client } = ctx.whatsapp;
  await callWhatsApp(() => command(client, { session: message.accountId, chatId: message.waChatId, messageId: message.waMessageId }));
  return { id: message.id };
}

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

  /** Reacts with an emoji (or removes our reaction with ""), as WhatsApp shows under the bubble. */
  react: replyToChats.input(reactToMessageSchema).mutation(({ ctx, input }) =>
    onMessage(ctx, input.id, (client, target) => client.setReaction({ session: target.session, messageId: target.messageId, reaction: input.emoji }), { ownOnly: false }),
  ),

  /** Edits the text of one of our messages (WhatsApp shows it as edited). */
  edit: replyToChats.input(editMessageSchema).mutation(({ ctx, input }) =>
    onMessage(ctx, input.id, (client, target) => client.editMessage(target.session, target.chatId, target.messageId, { text: input.text }), { ownOnly: true }),
  ),

  /** Deletes one of our messages for everyone. */
  revoke: replyToChats.input(revokeMessageSchema).mutation(({ ctx, input }) =>
    onMessage(ctx, input.id, (client, target) => client.deleteMessage(target.session, target.chatId, target.messageId), { ownOnly: true }),
  ),

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
