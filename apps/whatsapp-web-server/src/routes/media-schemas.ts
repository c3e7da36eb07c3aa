import { z } from "zod";
import type { MediaKind } from "../waha/types.ts";
import { chatRequestSchema, messageIdSchema, ownIdSchema } from "./chatting-schemas.ts";

/** Per kind, the accepted types and the size limit (WhatsApp's own: 16 MB media, 100 MB documents). */
export const mediaRules: Record<MediaKind, { types: RegExp; maxBytes: number; describe: string }> = {
  image: { types: /^image\/(jpeg|png|gif|webp)$/, maxBytes: 16 * 1024 * 1024, describe: "image/jpeg, image/png, image/gif or image/webp" },
  voice: { types: /^audio\/[a-z0-9.+-]+$/, maxBytes: 16 * 1024 * 1024, describe: "audio/* (audio/ogg; codecs=opus)" },
  video: { types: /^video\/[a-z0-9.+-]+$/, maxBytes: 64 * 1024 * 1024, describe: "video/* (video/mp4)" },
  file: { types: /^[a-z]+\/[a-z0-9.+-]+$/, maxBytes: 100 * 1024 * 1024, describe: "a MIME type like application/pdf" },
};

/** `type/subtype` with optional parameters (`audio/ogg; codecs=opus`). */
const mimetypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]+\/[a-z0-9.+-]+(\s*;\s*[a-z0-9-]+=[a-z0-9.+-]+)*$/, "must be a MIME type like image/jpeg");

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** WAHA's `RemoteFile` | `BinaryFile`: exactly one of `url` and `data` (base64). */
const fileSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    data: z.string().min(1).regex(base64Pattern, "must be base64 (no data: prefix)").optional(),
    mimetype: mimetypeSchema,
    filename: z.string().min(1).max(255).regex(/^[^/\\\0]+$/, "must be a file name, not a path").nullish(),
  })
  .refine((file) => (file.url === undefined) !== (file.data === undefined), { message: "needs either url or data (base64), not both", path: ["url"] });

/** `MessageImageRequest`, `MessageFileRequest`, `MessageVoiceRequest`, `MessageVideoRequest` (WAHA). */
export const sendMediaSchema = chatRequestSchema.extend({
  file: fileSchema,
  caption: z.string().max(65_536).nullish(),
  reply_to: messageIdSchema.nullish(),
  id: ownIdSchema,
  convert: z.boolean().optional(),
  asNote: z.boolean().optional(),
});
export type SendMediaInput = z.output<typeof sendMediaSchema>;

/** WAHA's `MessageForwardRequest`. */
export const forwardMessageSchema = chatRequestSchema.extend({ messageId: messageIdSchema, id: ownIdSchema });

/** Our sandbox extension: a contact sends a file, the same `file` object as WAHA's sends. */
export const inboundMediaSchema = z.object({
  from: z.string().regex(/^\+?\d{5,20}(@c\.us)?$/, "from must be a phone number or a <digits>@c.us id"),
  file: fileSchema,
  caption: z.string().max(65_536).optional(),
});
