import { z } from "zod";
import { byIdSchema, idSchema, longTextSchema, nameSchema } from "./common.ts";

/** What follows the `/` in the composer's slash picker. */
export const templateShortcutSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/i, "Letters, digits, - and _, at most 32");

/** Body text; variables are `{{contact.name}}`, `{{agent.name}}` or custom `{{var}}`. */
export const templateBodySchema = longTextSchema(4096);

export const createTemplateSchema = z.object({
  name: nameSchema(80),
  body: templateBodySchema,
  shortcut: templateShortcutSchema.optional(),
});
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

/** Changes the given fields; `shortcut: null` removes the shortcut. */
export const updateTemplateSchema = z.object({
  id: idSchema,
  name: nameSchema(80).optional(),
  body: templateBodySchema.optional(),
  shortcut: templateShortcutSchema.nullable().optional(),
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateSchema>;

export const deleteTemplateSchema = byIdSchema;

/** A custom variable's name as written between the braces, e.g. `order` in `{{order}}`. */
export const templateVariableNameSchema = z.string().regex(/^[A-Za-z_][\w.]{0,63}$/, "A variable name like order_id");

/** Renders a template for a chat: built-in variables come from the chat and the caller. */
export const renderTemplateSchema = z.object({
  id: idSchema,
  chatId: idSchema.optional(),
  /** Custom variables; a value here also overrides a built-in one. */
  variables: z
    .record(templateVariableNameSchema, z.string().max(1000, "At most 1000 characters"))
    .refine((values) => Object.keys(values).length <= 50, "At most 50 variables")
    .optional(),
});
export type RenderTemplateInput = z.infer<typeof renderTemplateSchema>;
