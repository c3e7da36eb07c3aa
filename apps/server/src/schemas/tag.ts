import { z } from "zod";
import { chatIdsSchema } from "./chat.ts";
import { byIdSchema, idSchema, nameSchema } from "./common.ts";

export const tagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour like #25D366");

export const createTagSchema = z.object({ name: nameSchema(40), color: tagColorSchema.optional() });
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const renameTagSchema = z.object({ id: idSchema, name: nameSchema(40) });
export type RenameTagInput = z.infer<typeof renameTagSchema>;

export const setTagColorSchema = z.object({ id: idSchema, color: tagColorSchema });
export type SetTagColorInput = z.infer<typeof setTagColorSchema>;

export const deleteTagSchema = byIdSchema;

/** Puts the tag on chats, or takes it off. */
export const tagChatsSchema = z.object({ id: idSchema, chatIds: chatIdsSchema });
export type TagChatsInput = z.infer<typeof tagChatsSchema>;
