import { getChat } from "@nexis/db/queries/chat";
import * as templates from "@nexis/db/queries/template";
import type { TRPCRouterRecord } from "@trpc/server";
import { createTemplateSchema, deleteTemplateSchema, renderTemplateSchema, updateTemplateSchema } from "../../schemas/template.ts";
import { renderTemplate } from "../../services/templates/render-template.ts";
import { found } from "../errors.ts";
import { assertTemplateWithinPlan, enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

/** Saved replies with variables, inserted by name or `/shortcut`. */
export const templateRouter = {
  list: workspaceProcedure.query(({ ctx }) => templates.listTemplates(ctx.db, { workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .use(requirePermission({ template: ["create"] }))
    .input(createTemplateSchema)
    .use(enforcePlanLimit("templates"))
    .mutation(({ ctx, input }) => templates.createTemplate(ctx.db, { workspaceId: ctx.workspaceId, ...input })),

  update: workspaceProcedure
    .use(requirePermission({ template: ["update"] }))
    .input(updateTemplateSchema)
    .mutation(async ({ ctx, input }) => {
      // Past the plan's template limit (after a downgrade) a template is read-only; deleting stays allowed.
      await assertTemplateWithinPlan(ctx, input.id);
      return found(await templates.updateTemplate(ctx.db, { workspaceId: ctx.workspaceId, ...input }), "Template");
    }),

  delete: workspaceProcedure
    .use(requirePermission({ template: ["delete"] }))
    .input(deleteTemplateSchema)
    .mutation(async ({ ctx, input }) =>
      found(await templates.deleteTemplate(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Template"),
    ),

  /**
   * The template's text for a chat: `{{contact.name}}`, `{{contact.phone}}` from the chat's
   * contact, `{{agent.name}}` from the caller, custom variables from the input. Variables left
   * without a value stay in the text and are listed in `missing`.
   */
  render: workspaceProcedure
    .use(requirePermission({ template: ["use"] }))
    .input(renderTemplateSchema)
    .query(async ({ ctx, input }) => {
      const workspaceId = ctx.workspaceId;
      const template = found(await templates.getTemplate(ctx.db, { workspaceId, id: input.id }), "Template");
      await assertTemplateWithinPlan(ctx, template.id);
      const chat = input.chatId ? found(await getChat(ctx.db, { workspaceId, id: input.chatId }), "Chat") : null;
      const builtIn = {
        "contact.name": chat?.contact?.name ?? chat?.contact?.pushName ?? chat?.name,
        "contact.phone": chat?.contact?.phoneNumber,
        "agent.name": ctx.session.user.name,
      };
      return renderTemplate(template.body, { ...builtIn, ...input.variables });
    }),
} satisfies TRPCRouterRecord;
