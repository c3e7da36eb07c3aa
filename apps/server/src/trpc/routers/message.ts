import { randomBytes } from "node:crypto";
import { getChatForSend } from "@nexis/db/queries/chat";
import * as messages from "@nexis/db/queries/message";
import * as outbound from "@nexis/db/queries/outbound";
import type { OutboundMessageRow } from "@nexis/db/queries/outbound";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import {
  editMessageSchema,
  encodeMessageCursor,
  forwardMessageSchema,
  getMessageSchema,
  listMessagesSchema,
  reactToMessageSchema,
  retryMessageSchema,
  revokeMessageSchema,
  sendMessageSchema,
} from "../../schemas/chat.ts";
import { composeSend } from "../../services/outbound/compose-send.ts";
import { type OutboundSend, storedRow } from "../../services/outbound/send-kinds.ts";
import { callWhatsApp, type WhatsAppLink } from "../../services/whatsapp/whatsapp-link.ts";
import type { Context } from "../init.ts";
import { requireWorkspaceChats } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { assertAccountWithinPlan, assertTemplateWithinPlan, enforcePlanLimit, memberReadProcedure, requirePermission, workspaceProcedure } from "../init.ts";

// Every role reads chats and their messages (`auth/permissions.ts`).
const readChats = memberReadProcedure;
const replyToChats = workspaceProcedure.use(requirePermission({ chat: ["reply"] }));

/** A message key shaped like WhatsApp Web's (`3EB0` and hex), chosen before sending. */
const newMessageKey = () => `3EB0${randomBytes(10).toString("hex").toUpperCase()}`;

/**
 * Runs a WhatsApp command on one of the workspace's messages (react, edit, revoke) on its
 * number's session. The stored message changes when the service's webhook confirms it.
 */
async function onMessage(
  ctx: Pick<Context, "db" | "whatsapp" | "upgradeUrl"> & { workspaceId: string },
  id: string,
  command: (client: WhatsAppLink["client"], target: { session: string; chatId: string; messageId: string }) => Promise<unknown>,
  options: { ownOnly: boolean },
) {
  const message = found(await messages.getMessageTarget(ctx.db, { workspaceId: ctx.workspaceId, id }), "Message");
  // A number past the plan's limit is read-only: no reactions, edits or deletions from it either.
  await assertAccountWithinPlan(ctx, message.accountId);
  if (options.ownOnly && !message.fromMe) throw new TRPCError({ code: "FORBIDDEN", message: "Only messages sent from this number can be changed." });
  if (message.deletedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This message was deleted." });
  if (!ctx.whatsapp) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server has no WhatsApp service configured (WHATSAPP_SERVER_URL)." });
  const { client } = ctx.whatsapp;
  await callWhatsApp(() => command(client, { session: message.accountId, chatId: message.waChatId, messageId: message.waMessageId }));
  return { id: message.id };
}

type SendContext = Pick<Context, "db" | "events" | "outbound"> & { workspaceId: string; session: { user: { id: string } } };

/** The workspace's chat to send to, on a number that is connected and within the plan. */
async function sendableChat(ctx: Parameters<typeof assertAccountWithinPlan>[0], chatId: string) {
  const chat = found(await getChatForSend(ctx.db, { workspaceId: ctx.workspaceId, id: chatId }), "Chat");
  await assertAccountWithinPlan(ctx, chat.accountId);
  if (chat.accountStatus !== "WORKING") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This chat's number is not connected (${chat.accountStatus}). Reconnect it in Settings → Numbers.` });
  }
  return chat;
}

/** Writes the pending message and its outbox job together, wakes the queue and tells the inbox. */
async function queueSend(
  ctx: SendContext,
  chat: { id: string; accountId: string; waChatId: string },
  send: OutboundSend,
  row: OutboundMessageRow,
  clientId: string | undefined,
) {
  const key = newMessageKey();
  const result = await outbound.enqueueOutboundMessage(ctx.db, {
    workspaceId: ctx.workspaceId,
    accountId: chat.accountId,
    chatId: chat.id,
    waChatId: chat.waChatId,
    sentByUserId: ctx.session.user.id,
    idempotencyKey: clientId ?? key,
    key,
    row,
    send,
  });
  if (!result.duplicate) ctx.outbound?.wake(result.jobId);
  const queued = found(result.message, "Message");
  ctx.events.publish(ctx.workspaceId, { type: "message", chatId: chat.id, messageId: queued.id });
  // In the shape `message.list` gives, so the client puts it in place of its pending bubble as is.
  return found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: queued.id }), "Message");
}

/** Messages of the workspace's chats: reading, and sending through the outbound queue. */
export const messageRouter = {
  /** A page of one chat's messages, newest first. */
  list: readChats.input(listMessagesSchema).query(async ({ ctx, input }) => {
    const page = await messages.listMessages(ctx.db, { workspaceId: ctx.workspaceId, chatId: input.chatId, limit: input.limit, cursor: input.cursor });
    // The page is read within the workspace, so messages found are of its own chat; only an empty
    // page leaves open whether the chat is its own (another workspace's is NOT_FOUND).
    if (page.items.length === 0) await requireWorkspaceChats(ctx.db, { workspaceId: ctx.workspaceId, chatIds: [input.chatId] });
    return { items: page.items, nextCursor: page.nextCursor ? encodeMessageCursor(page.nextCursor) : null };
  }),

  get: readChats
    .input(getMessageSchema)
    .query(async ({ ctx, input }) => found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Message")),

  /**
   * Sends a text, a location, a contact card or a template (rendered here; a missing variable is
   * refused by name): the message (pending, ack 0) and its outbox job are written together and
   * the call answers at once; the queue delivers it and acks follow by webhook. The same
   * `clientId` twice sends once.
   */
  send: replyToChats
    .input(sendMessageSchema)
    .use(enforcePlanLimit("monthlyOutboundMessages"))
    .mutation(async ({ ctx, input }) => {
      // A template past the plan's template limit (after a downgrade) is read-only.
      if (input.kind === "template") await assertTemplateWithinPlan(ctx, input.templateId);
      const chat = await sendableChat(ctx, input.chatId);
      const send = await composeSend({ db: ctx.db, workspaceId: ctx.workspaceId, role: ctx.role, user: ctx.session.user, chat }, input);
      return queueSend(ctx, chat, send, storedRow(send), input.clientId);
    }),

  /** Forwards one of the workspace's messages to another chat of the same number (WhatsApp marks it forwarded). */
  forward: replyToChats
    .input(forwardMessageSchema)
    .use(enforcePlanLimit("monthlyOutboundMessages"))
    .mutation(async ({ ctx, input }) => {
      const original = found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Message");
      const chat = await sendableChat(ctx, input.chatId);
      const source = found(await getChatForSend(ctx.db, { workspaceId: ctx.workspaceId, id: original.chatId }), "Chat");
      if (source.accountId !== chat.accountId) throw new TRPCError({ code: "BAD_REQUEST", message: "A message can only be forwarded to a chat of the same number." });
      if (original.deletedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This message was deleted." });
      if (original.fromMe && original.ack < 1) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This message has not reached WhatsApp yet." });
      const send: OutboundSend = { kind: "forward", waMessageId: original.waMessageId };
      return queueSend(ctx, chat, send, storedRow(send, original), input.clientId);
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
    const failed = await messages.getMessageTarget(ctx.db, { workspaceId: ctx.workspaceId, id: input.id });
    if (failed) await assertAccountWithinPlan(ctx, failed.accountId);
    const jobId = await outbound.requeueFailedMessage(ctx.db, { workspaceId: ctx.workspaceId, messageId: input.id });
    if (!jobId) throw new TRPCError({ code: "NOT_FOUND", message: "No failed message to send again." });
    ctx.outbound?.wake(jobId);
    const message = found(await messages.getMessage(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Message");
    ctx.events.publish(ctx.workspaceId, { type: "message", chatId: message.chatId, messageId: message.id });
    return message;
  }),
} satisfies TRPCRouterRecord;
