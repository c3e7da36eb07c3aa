import * as templates from "@nexis/db/queries/template";
import type { TRPCRouterRecord } from "@trpc/server";
import { createTemplateSchema, deleteTemplateSchema, updateTemplateSchema } from "../../schemas/template.ts";
import { found } from "../errors.ts";
import { enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

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
    .mutation(async ({ ctx, input }) =>
      found(await templates.updateTemplate(ctx.db, { workspaceId: ctx.workspaceId, ...input }), "Template"),
    ),

  delete: workspaceProcedure
    .use(requirePermission({ template: ["delete"] }))
    .input(deleteTemplateSchema)
    .mutation(async ({ ctx, input }) =>
      found(await templates.deleteTemplate(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Template"),
    ),
} satisfies TRPCRouterRecord;
