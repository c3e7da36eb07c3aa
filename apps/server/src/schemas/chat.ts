import { z } from "zod";
import { byIdSchema, idSchema, longTextSchema } from "./common.ts";

/** At most this many chats or messages per page. */
export const maxPageSize = 100;

const pageSizeSchema = z.number().int().min(1).max(maxPageSize).default(30);

/** A page cursor as `<ISO time>|<id>`: readable, and the same in the browser and on the server. */
export const chatCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f-]{36}$/, "A cursor from a previous page")
  .transform((value) => {
    const [sortAt = "", id = ""] = value.split("|");
    return { sortAt, id };
  })
  .refine(({ sortAt }) => !Number.isNaN(Date.parse(sortAt)), "A cursor from a previous page");

/** A page cursor as `<WhatsApp timestamp>|<id>`. */
export const messageCursorSchema = z
  .string()
  .regex(/^\d{1,15}\|[0-9a-f-]{36}$/, "A cursor from a previous page")
  .transform((value) => {
    const [timestamp = "0", id = ""] = value.split("|");
    return { timestamp: Number(timestamp), id };
  });

export const listChatsSchema = z.object({
  accountId: idSchema.optional(),
  /** A folder's chats; `null` for the chats in no folder. */
  folderId: idSchema.nullable().optional(),
  tagId: idSchema.optional(),
  unread: z.boolean().optional(),
  archived: z.boolean().optional(),
  /** `me`, `unassigned`, or a member's user id. */
  assignee: z.union([z.literal("me"), z.literal("unassigned"), idSchema]).optional(),
  pinned: z.boolean().optional(),
  limit: pageSizeSchema,
  cursor: chatCursorSchema.optional(),
});
export type ListChatsInput = z.input<typeof listChatsSchema>;

export const getChatSchema = byIdSchema;

export const listMessagesSchema = z.object({ chatId: idSchema, limit: pageSizeSchema, cursor: messageCursorSchema.optional() });
export type ListMessagesInput = z.input<typeof listMessagesSchema>;

export const getMessageSchema = byIdSchema;

/** A batch of chats for folder and tag changes. */
export const chatIdsSchema = z.array(idSchema).min(1, "Give at least one chat").max(maxPageSize);

/** Encodes the cursors the list procedures hand out. */
export const encodeChatCursor = (cursor: { sortAt: string; id: string }) => `${cursor.sortAt}|${cursor.id}`;
export const encodeMessageCursor = (cursor: { timestamp: number; id: string }) => `${cursor.timestamp}|${cursor.id}`;

/** A text to send; `clientId` (the client's id for this send) makes a retried request send once. */
export const sendMessageSchema = z.object({
  chatId: idSchema,
  text: longTextSchema(4096),
  replyToId: idSchema.optional(),
  clientId: z.string().regex(/^[\w-]{8,64}$/, "8 to 64 letters, digits, - or _").optional(),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const retryMessageSchema = byIdSchema;
export const markChatReadSchema = byIdSchema;

/** Assigns a chat to a member of the workspace, or unassigns it with `userId: null`. */
export const assignChatSchema = z.object({ id: idSchema, userId: idSchema.nullable() });
export const archiveChatSchema = z.object({ id: idSchema, archived: z.boolean() });
export const pinChatSchema = z.object({ id: idSchema, pinned: z.boolean() });
export const muteChatSchema = z.object({ id: idSchema, muted: z.boolean() });
export const markChatUnreadSchema = byIdSchema;

export const listNotesSchema = z.object({ chatId: idSchema });
export const createNoteSchema = z.object({ chatId: idSchema, body: longTextSchema(4000) });
export const deleteNoteSchema = byIdSchema;

/** A search across the workspace's messages and contacts (web-search syntax for messages). */
export const searchSchema = z.object({
  query: longTextSchema(200)
    .transform((value) => value.trim())
    .refine((value) => value.length >= 2, "At least 2 characters"),
  limit: z.number().int().min(1).max(50).default(20),
});

/** Reacts to a message with one emoji; an empty string takes our reaction away. */
export const reactToMessageSchema = z.object({
  id: idSchema,
  emoji: z.string().max(16, "One emoji").refine((value) => value === "" || /^\p{Extended_Pictographic}/u.test(value), "An emoji, or empty to remove"),
});
export const editMessageSchema = z.object({ id: idSchema, text: longTextSchema(4096) });
export const revokeMessageSchema = byIdSchema;
