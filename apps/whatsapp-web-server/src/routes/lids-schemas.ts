import { z } from "zod";

/** WAHA takes a hidden id as `123456789012345@lid` or as the bare number (it adds `@lid`). */
export const lidSchema = z
  .string()
  .regex(/^\d{5,20}(@lid)?$/, "lid must look like 123456789012345@lid or 123456789012345")
  .transform((lid) => (lid.endsWith("@lid") ? lid : `${lid}@lid`));

/** WAHA takes the phone as a chat id (`11111111111@c.us`) or a number, `+` and all. */
export const phoneIdSchema = z
  .string()
  .regex(/^\+?\d{5,20}(@c\.us)?$/, "phoneNumber must look like 11111111111@c.us or 11111111111")
  .transform((phone) => `${phone.replace(/\D/g, "")}@c.us`);

/** `GET /api/{session}/lids`: WAHA pages by 100 by default. */
export const lidsPageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
