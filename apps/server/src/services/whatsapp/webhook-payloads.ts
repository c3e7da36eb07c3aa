import { z } from "zod";
import { accountStatus } from "./whatsapp-link.ts";

/**
 * What the ingest reads of WAHA's webhooks (`@nexis/waha-client/webhooks` has the full types).
 * Parsing is deliberately lenient about fields it does not use, strict about those it does.
 */
export const webhookEnvelopeSchema = z.object({
  id: z.string().min(1).max(100),
  event: z.string().min(1).max(100),
  session: z.string().min(1).max(100),
  payload: z.unknown(),
  me: z.object({ id: z.string(), pushName: z.string().nullish() }).nullish(),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const sessionStatusPayloadSchema = z.object({ status: z.string().min(1).max(60).transform(accountStatus) });

export const messagePayloadSchema = z.object({
  id: z.string().min(1),
  timestamp: z.number(),
  from: z.string(),
  to: z.string().nullish(),
  fromMe: z.boolean(),
  participant: z.string().nullish(),
  body: z.string().nullish(),
  hasMedia: z.boolean().default(false),
  media: z.object({ url: z.string(), mimetype: z.string().nullish(), filename: z.string().nullish() }).nullish(),
  ack: z.number().int().min(-1).max(4).default(0),
  location: z.object({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) }).nullish(),
  vCards: z.array(z.string()).nullish(),
  _data: z.object({ notifyName: z.string().nullish(), mimetype: z.string().nullish() }).passthrough().nullish(),
});
export type MessagePayload = z.infer<typeof messagePayloadSchema>;

export const ackPayloadSchema = z.object({ id: z.string().min(1), ack: z.number().int().min(-1).max(4) });

export const reactionPayloadSchema = z.object({
  from: z.string(),
  fromMe: z.boolean().default(false),
  reaction: z.object({ text: z.string(), messageId: z.string().min(1) }),
});

export const editedPayloadSchema = z.object({ body: z.string(), editedMessageId: z.string().min(1).nullish(), id: z.string() });

export const revokedPayloadSchema = z.object({ revokedMessageId: z.string().min(1).nullish(), before: z.object({ id: z.string() }).nullish() });

export const archivePayloadSchema = z.object({ id: z.string().min(1), archived: z.boolean() });

export const presencePayloadSchema = z.object({
  id: z.string().min(1),
  presences: z.array(z.object({ lastKnownPresence: z.string() }).passthrough()).default([]),
});
