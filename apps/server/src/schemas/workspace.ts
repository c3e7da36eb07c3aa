import { z } from "zod";
import { idSchema, nameSchema } from "./common.ts";

export const renameWorkspaceSchema = z.object({ name: nameSchema(80) });
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceSchema>;

export const setActiveWorkspaceSchema = z.object({ workspaceId: idSchema });
export type SetActiveWorkspaceInput = z.infer<typeof setActiveWorkspaceSchema>;
