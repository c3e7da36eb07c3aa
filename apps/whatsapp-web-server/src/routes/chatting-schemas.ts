import { z } from "zod";
import { sessionNameSchema } from "../sessions/session-schemas.ts";

/** A person (`<digits>@c.us`), a group (`<id>@g.us`) or a hidden id (`<digits>@lid`). */
export const chatIdSchema = z.string().regex(/^(\d{5,20}@(c\.us|lid)|[\d-]{5,40}@g\.us)$/, "chatId must look like 11111111111@c.us or <id>@g.us");

/** A serialized message id, `<fromMe>_<chatId>_<key>`. */
export const messageIdSchema = z.string().regex(/^(true|false)_[^_\s]+_[A-Za-z0-9]+(_[^_\s]+)?$/, "must be a message id like false_11111111111@c.us_AAAA");

/** A message id the caller chooses (WAHA's "pre-generated message id"). */
export const ownIdSchema = z.string().regex(/^[A-Za-z0-9]{8,64}$/).nullish();

/** WAHA's `ChatRequest`. */
export const chatRequestSchema = z.object({ session: sessionNameSchema.default("default"), chatId: chatIdSchema });

/** WAHA's `MessageTextRequest` (and `MessageReplyRequest`, the same fields). */
export const sendTextSchema = chatRequestSchema.extend({
  text: z.string().min(1).max(65_536),
  reply_to: messageIdSchema.nullish(),
  id: ownIdSchema,
  linkPreview: z.boolean().optional(),
  linkPreviewHighQuality: z.boolean().optional(),
});

/** WAHA's `MessageLocationRequest`. */
export const sendLocationSchema = chatRequestSchema.extend({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  title: z.string().max(1_000),
  reply_to: messageIdSchema.nullish(),
  id: ownIdSchema,
});

/** WAHA's `MessageContactVcardRequest`: ready vCards or the fields of a `Contact`. */
export const sendContactVcardSchema = chatRequestSchema.extend({
  contacts: z
    .array(
      z.union([
        z.object({ vcard: z.string().startsWith("BEGIN:VCARD") }),
        z.object({
          fullName: z.string().min(1),
          phoneNumber: z.string().min(3),
          organization: z.string().optional(),
          whatsappId: z.string().regex(/^\d{5,20}$/).optional(),
        }),
      ]),
    )
    .min(1),
  reply_to: messageIdSchema.nullish(),
  id: ownIdSchema,
});

/** WAHA's `MessageReactionRequest`; an empty reaction removes ours. */
export const reactionSchema = z.object({
  session: sessionNameSchema.default("default"),
  messageId: messageIdSchema,
  reaction: z.string().max(32),
});

/** WAHA's `SendSeenRequest`. */
export const sendSeenSchema = chatRequestSchema.extend({
  messageId: z.string().min(1).nullish(),
  messageIds: z.array(z.string().min(1)).optional(),
  participant: z.string().nullish(),
});
