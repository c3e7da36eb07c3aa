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
