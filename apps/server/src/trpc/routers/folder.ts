import * as folders from "@nexis/db/queries/folder";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { createFolderSchema, deleteFolderSchema, reorderFoldersSchema, renameFolderSchema } from "../../schemas/folder.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

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
} satisfies TRPCRouterRecord;
