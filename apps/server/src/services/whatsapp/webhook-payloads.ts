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
  // A quote we cannot read must not cost the message itself.
  replyTo: z
    .object({ id: z.string().min(1), participant: z.string().nullish(), body: z.string().nullish(), hasMedia: z.boolean().nullish() })
    .nullish()
    .catch(null),
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

/** A member in `group.v2.*` events: `@c.us` or `@lid`, with the phone id beside a `@lid` when WhatsApp tells it. */
const groupParticipantSchema = z.object({
  id: z.string().min(1).max(100),
  pn: z.string().max(100).nullish(),
  role: z.enum(["left", "participant", "admin", "superadmin"]).catch("participant"),
});
export type GroupParticipantPayload = z.infer<typeof groupParticipantSchema>;

const groupIdSchema = z.string().regex(/@g\.us$/, "a group id ends in @g.us").max(100);
/** Who made a group change, where the engine tells it (`_data.author`, `_data.actor`). */
const groupActorDataSchema = z.object({ author: z.string().nullish(), actor: z.string().nullish() }).passthrough().nullish();

/** `group.v2.join`: we joined or were added; the whole group's info. */
export const groupJoinPayloadSchema = z.object({
  timestamp: z.number(),
  group: z.object({ id: groupIdSchema, subject: z.string().max(500).nullish(), participants: z.array(groupParticipantSchema).max(5000).default([]) }).passthrough(),
  _data: groupActorDataSchema,
});

/** `group.v2.leave`: we left or were removed. */
export const groupLeavePayloadSchema = z.object({ timestamp: z.number(), group: z.object({ id: groupIdSchema }).passthrough(), _data: groupActorDataSchema });

/** `group.v2.update`: only the changed fields of the group's info come. */
export const groupUpdatePayloadSchema = z.object({
  timestamp: z.number(),
  group: z
    .object({
      id: groupIdSchema,
      subject: z.string().max(500).nullish(),
      description: z.string().max(5000).nullish(),
      membersCanSendMessages: z.boolean().nullish(),
      announce: z.boolean().nullish(),
      restrict: z.boolean().nullish(),
    })
    .passthrough(),
  _data: groupActorDataSchema,
});

/** `group.v2.participants`: members joined, left, were promoted or demoted. */
export const groupParticipantsPayloadSchema = z.object({
  type: z.enum(["join", "leave", "promote", "demote"]),
  timestamp: z.number(),
  group: z.object({ id: groupIdSchema }).passthrough(),
  participants: z.array(groupParticipantSchema).min(1).max(5000),
  _data: groupActorDataSchema,
});

export const presencePayloadSchema = z.object({
  id: z.string().min(1),
  presences: z.array(z.object({ lastKnownPresence: z.string() }).passthrough()).default([]),
});
