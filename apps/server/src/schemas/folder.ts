import { z } from "zod";
import { chatIdsSchema } from "./chat.ts";
import { byIdSchema, idSchema, nameSchema } from "./common.ts";

export const createFolderSchema = z.object({ name: nameSchema(60) });
export type CreateFolderInput = z.infer<typeof createFolderSchema>;

export const renameFolderSchema = z.object({ id: idSchema, name: nameSchema(60) });
export type RenameFolderInput = z.infer<typeof renameFolderSchema>;

/** Every folder of the workspace, in the new order. */
export const reorderFoldersSchema = z.object({ ids: z.array(idSchema).max(500) });
export type ReorderFoldersInput = z.infer<typeof reorderFoldersSchema>;

export const deleteFolderSchema = byIdSchema;

/** Moves chats into the folder (from the inbox or another folder). */
export const addChatsToFolderSchema = z.object({ id: idSchema, chatIds: chatIdsSchema });
export type AddChatsToFolderInput = z.infer<typeof addChatsToFolderSchema>;

/** Moves the folder's given chats back to the inbox. */
export const removeChatsFromFolderSchema = addChatsToFolderSchema;
