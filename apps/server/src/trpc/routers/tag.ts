import * as tags from "@nexis/db/queries/tag";
import type { TRPCRouterRecord } from "@trpc/server";
import { createTagSchema, deleteTagSchema, renameTagSchema, setTagColorSchema } from "../../schemas/tag.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

/** Coloured labels on chats. */
export const tagRouter = {
  /** Tags by name, each with how many chats carry it. */
  list: workspaceProcedure.query(({ ctx }) => tags.listTagsWithCounts(ctx.db, { workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .use(requirePermission({ tag: ["create"] }))
    .input(createTagSchema)
    .mutation(({ ctx, input }) => tags.createTag(ctx.db, { workspaceId: ctx.workspaceId, ...input })),

  rename: workspaceProcedure
    .use(requirePermission({ tag: ["update"] }))
    .input(renameTagSchema)
    .mutation(async ({ ctx, input }) => found(await tags.updateTag(ctx.db, { workspaceId: ctx.workspaceId, ...input }), "Tag")),

  setColor: workspaceProcedure
    .use(requirePermission({ tag: ["update"] }))
    .input(setTagColorSchema)
    .mutation(async ({ ctx, input }) => found(await tags.updateTag(ctx.db, { workspaceId: ctx.workspaceId, ...input }), "Tag")),

  delete: workspaceProcedure
    .use(requirePermission({ tag: ["delete"] }))
    .input(deleteTagSchema)
    .mutation(async ({ ctx, input }) => found(await tags.deleteTag(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Tag")),
} satisfies TRPCRouterRecord;
