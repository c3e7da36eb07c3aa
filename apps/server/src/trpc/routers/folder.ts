import { removeChatsFromFolder, setChatsFolder } from "@nexis/db/queries/chat";
import * as folders from "@nexis/db/queries/folder";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import {
  addChatsToFolderSchema,
  createFolderSchema,
  deleteFolderSchema,
  removeChatsFromFolderSchema,
  reorderFoldersSchema,
  renameFolderSchema,
} from "../../schemas/folder.ts";
import { resolveChatBatch } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

const folderTarget = { what: "Folder", get: folders.getFolder };

/** Folders of chats, in the inbox's left pane. */
export const folderRouter = {
  list: workspaceProcedure.query(({ ctx }) => folders.listFolders(ctx.db, { workspaceId: ctx.workspaceId })),

  /** A new folder goes last. */
  create: workspaceProcedure
    .use(requirePermission({ folder: ["create"] }))
    .input(createFolderSchema)
    .mutation(({ ctx, input }) => folders.createFolder(ctx.db, { workspaceId: ctx.workspaceId, name: input.name })),

  rename: workspaceProcedure
    .use(requirePermission({ folder: ["update"] }))
    .input(renameFolderSchema)
    .mutation(async ({ ctx, input }) => found(await folders.renameFolder(ctx.db, { workspaceId: ctx.workspaceId, ...input }), "Folder")),

  /** Takes every folder id of the workspace in the new order; anything else changes nothing. */
  reorder: workspaceProcedure
    .use(requirePermission({ folder: ["update"] }))
    .input(reorderFoldersSchema)
    .mutation(async ({ ctx, input }) => {
      const done = await folders.reorderFolders(ctx.db, { workspaceId: ctx.workspaceId, ids: input.ids });
      if (!done) throw new TRPCError({ code: "NOT_FOUND", message: "Give each of this workspace's folders exactly once." });
      return folders.listFolders(ctx.db, { workspaceId: ctx.workspaceId });
    }),

  /** Deletes the folder; its chats return to the inbox. */
  delete: workspaceProcedure
    .use(requirePermission({ folder: ["delete"] }))
    .input(deleteFolderSchema)
    .mutation(async ({ ctx, input }) => found(await folders.deleteFolder(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Folder")),

  /** Moves chats into the folder, from the inbox or another folder. */
  addChats: workspaceProcedure
    .use(requirePermission({ folder: ["assign"] }))
    .input(addChatsToFolderSchema)
    .mutation(async ({ ctx, input }) => {
      const { workspaceId, chatIds } = await resolveChatBatch(ctx, input, folderTarget);
      const moved = await setChatsFolder(ctx.db, { workspaceId, chatIds, folderId: input.id });
      for (const { id } of moved) ctx.events.publish(workspaceId, { type: "chat", chatId: id });
      return { moved: moved.length };
    }),

  /** Moves the folder's given chats back to the inbox. */
  removeChats: workspaceProcedure
    .use(requirePermission({ folder: ["assign"] }))
    .input(removeChatsFromFolderSchema)
    .mutation(async ({ ctx, input }) => {
      const { workspaceId, chatIds } = await resolveChatBatch(ctx, input, folderTarget);
      const moved = await removeChatsFromFolder(ctx.db, { workspaceId, folderId: input.id, chatIds });
      for (const { id } of moved) ctx.events.publish(workspaceId, { type: "chat", chatId: id });
      return { moved: moved.length };
    }),
} satisfies TRPCRouterRecord;
