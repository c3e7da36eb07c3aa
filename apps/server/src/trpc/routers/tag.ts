import { attachTag, detachTag } from "@nexis/db/queries/chat";
import * as tags from "@nexis/db/queries/tag";
import type { TRPCRouterRecord } from "@trpc/server";
import { createTagSchema, deleteTagSchema, renameTagSchema, setTagColorSchema, tagChatsSchema } from "../../schemas/tag.ts";
import { resolveChatBatch } from "../chat-batch.ts";
import { found } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

const taggable = { what: "Tag", get: tags.getTag };

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

  /** Puts the tag on chats; chats that have it already keep it once. */
  attach: workspaceProcedure
    .use(requirePermission({ tag: ["attach"] }))
    .input(tagChatsSchema)
    .mutation(async ({ ctx, input }) => {
      const { workspaceId, chatIds } = await resolveChatBatch(ctx, input, taggable);
      await attachTag(ctx.db, { workspaceId, tagId: input.id, chatIds });
      for (const chatId of chatIds) ctx.events.publish(workspaceId, { type: "chat", chatId });
      return { chatIds };
    }),

  detach: workspaceProcedure
    .use(requirePermission({ tag: ["attach"] }))
    .input(tagChatsSchema)
    .mutation(async ({ ctx, input }) => {
      const { workspaceId, chatIds } = await resolveChatBatch(ctx, input, taggable);
      await detachTag(ctx.db, { workspaceId, tagId: input.id, chatIds });
      for (const chatId of chatIds) ctx.events.publish(workspaceId, { type: "chat", chatId });
      return { chatIds };
    }),
} satisfies TRPCRouterRecord;
