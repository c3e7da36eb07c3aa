import { z } from "zod";
import { phoneNumberSchema } from "./account.ts";
import { byIdSchema, idSchema, longTextSchema, nameSchema } from "./common.ts";
import { templateVariableNameSchema } from "./template.ts";

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

/** The client's id for one send: the same id twice sends once (a retried request). */
const clientIdSchema = z.string().regex(/^[\w-]{8,64}$/, "8 to 64 letters, digits, - or _");

/** What every kind of send has: the chat, an optional quoted message and the client's id. */
const sendBase = { chatId: idSchema, replyToId: idSchema.optional(), clientId: clientIdSchema.optional() };

/** A text (`kind` may be left out: the original shape of `message.send`). */
export const sendTextSchema = z.object({ kind: z.literal("text").optional(), ...sendBase, text: longTextSchema(4096) });

/** A pin on the map, with the place's name shown under it. */
export const sendLocationSchema = z.object({
  kind: z.literal("location"),
  ...sendBase,
  latitude: z.number().min(-90, "Between -90 and 90").max(90, "Between -90 and 90"),
  longitude: z.number().min(-180, "Between -180 and 180").max(180, "Between -180 and 180"),
  title: nameSchema(200).optional(),
});

/** A contact card (vCard) the recipient can save or message. */
export const sendContactSchema = z.object({ kind: z.literal("contact"), ...sendBase, name: nameSchema(100), phoneNumber: phoneNumberSchema });

/** A template's custom variables by name, as `template.render` takes them. */
const templateVariablesSchema = z
  .record(templateVariableNameSchema, z.string().max(1000, "At most 1000 characters"))
  .refine((values) => Object.keys(values).length <= 50, "At most 50 variables");

/** A saved template, its `{{variables}}` filled on the server (a missing one is refused, by name). */
export const sendTemplateSchema = z.object({ kind: z.literal("template"), ...sendBase, templateId: idSchema, variables: templateVariablesSchema.optional() });

/** A file the agent uploaded (`POST /media`), with an optional caption (not on voice notes). */
export const sendMediaSchema = z.object({ kind: z.literal("media"), ...sendBase, mediaId: idSchema, caption: longTextSchema(1024).optional() });

/**
 * One send of `message.send`, by `kind`. A new kind is one more object here, one more case in
 * `services/outbound/compose-send.ts` and `deliver-send.ts`.
 */
export const sendMessageSchema = z.discriminatedUnion("kind", [sendTextSchema, sendLocationSchema, sendContactSchema, sendTemplateSchema, sendMediaSchema]);
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** Forwards one of the workspace's messages to another chat of the same number. */
export const forwardMessageSchema = z.object({ id: idSchema, chatId: idSchema, clientId: clientIdSchema.optional() });

/** Shows (or stops showing) "typing…" to the contact of a chat. */
export const chatTypingSchema = z.object({ id: idSchema, typing: z.boolean() });

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
export const updateNoteSchema = z.object({ id: idSchema, body: longTextSchema(4000) });
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
