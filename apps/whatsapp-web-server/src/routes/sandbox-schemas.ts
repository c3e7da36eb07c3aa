import { z } from "zod";
import { presenceStatuses } from "../waha/types.ts";

/** The bodies of our `/api/sandbox/{session}/*` extension (one home: the routes and `/docs` use them). */
export const scanSchema = z.object({ value: z.string().min(1).optional(), code: z.string().min(1).optional() });

export const inboundSchema = z.object({
  from: z.string().regex(/^\+?\d{5,20}(@c\.us)?$/, "from must be a phone number or a <digits>@c.us id"),
  text: z.string().min(1).max(65_536),
});

export const messageActionSchema = z.object({ messageId: z.string().min(1) });

export const contactReactionSchema = messageActionSchema.extend({ reaction: z.string().max(32) });

export const contactEditSchema = messageActionSchema.extend({ text: z.string().min(1).max(65_536) });

export const contactPresenceSchema = z.object({ from: inboundSchema.shape.from, presence: z.enum(presenceStatuses) });

export const phoneSchema = z.object({ online: z.boolean() });

export const rateLimitSchema = z.object({ perMinute: z.number().int().min(1).max(10_000).nullable() });
