import * as notes from "@nexis/db/queries/note";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { roleAllows } from "../../auth/permissions.ts";
import { createNoteSchema, deleteNoteSchema, listNotesSchema, updateNoteSchema } from "../../schemas/chat.ts";
import { requireWorkspaceChats } from "../chat-batch.ts";
import { found, RoleError } from "../errors.ts";
import { requirePermission, workspaceProcedure } from "../init.ts";

const onChats = workspaceProcedure.use(requirePermission({ chat: ["read"] }));

/** Private notes on chats: the team sees them in the conversation; the contact never does. */
export const noteRouter = {
  list: onChats.input(listNotesSchema).query(async ({ ctx, input }) => {
    await requireWorkspaceChats(ctx.db, { workspaceId: ctx.workspaceId, chatIds: [input.chatId] });
    return notes.listNotes(ctx.db, { workspaceId: ctx.workspaceId, chatId: input.chatId });
  }),

  create: workspaceProcedure
    .use(requirePermission({ chat: ["reply"] }))
    .input(createNoteSchema)
    .mutation(async ({ ctx, input }) => {
      await requireWorkspaceChats(ctx.db, { workspaceId: ctx.workspaceId, chatIds: [input.chatId] });
      const note = await notes.createNote(ctx.db, { workspaceId: ctx.workspaceId, chatId: input.chatId, authorUserId: ctx.session.user.id, body: input.body });
      ctx.events.publish(ctx.workspaceId, { type: "chat", chatId: input.chatId });
      return note;
    }),

  /** Only its author changes a note's words (an admin may delete it, not put words in its author's mouth). */
  update: workspaceProcedure
    .use(requirePermission({ chat: ["reply"] }))
    .input(updateNoteSchema)
    .mutation(async ({ ctx, input }) => {
      const note = found(await notes.getNote(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Note");
      if (note.authorUserId !== ctx.session.user.id) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You can edit only your own notes.", cause: new RoleError(ctx.role) });
      }
      const updated = found(await notes.updateNote(ctx.db, { workspaceId: ctx.workspaceId, id: input.id, authorUserId: ctx.session.user.id, body: input.body }), "Note");
      ctx.events.publish(ctx.workspaceId, { type: "chat", chatId: updated.chatId });
      return updated;
    }),

  /** Agents delete their own notes; owners and admins anyone's. */
  delete: workspaceProcedure
    .use(requirePermission({ chat: ["reply"] }))
    .input(deleteNoteSchema)
    .mutation(async ({ ctx, input }) => {
      const note = found(await notes.getNote(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Note");
      if (note.authorUserId !== ctx.session.user.id && !roleAllows(ctx.role, { note: ["delete"] })) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You can delete only your own notes.", cause: new RoleError(ctx.role) });
      }
      const deleted = found(await notes.deleteNote(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Note");
      ctx.events.publish(ctx.workspaceId, { type: "chat", chatId: deleted.chatId });
      return deleted;
    }),
} satisfies TRPCRouterRecord;
