import { z } from "zod";
import { idSchema, nameSchema } from "./common.ts";

export const renameWorkspaceSchema = z.object({ name: nameSchema(80) });
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceSchema>;

export const setActiveWorkspaceSchema = z.object({ workspaceId: idSchema });
export type SetActiveWorkspaceInput = z.infer<typeof setActiveWorkspaceSchema>;

export const createWorkspaceSchema = z.object({ name: nameSchema(80) });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

/** Deleting needs the workspace's name typed again, as a guard against the wrong workspace. */
export const deleteWorkspaceSchema = z.object({ confirmName: z.string().max(200) });
export type DeleteWorkspaceInput = z.infer<typeof deleteWorkspaceSchema>;
