import type { z } from "zod";
import {
  ackPayloadSchema,
  archivePayloadSchema,
  editedPayloadSchema,
  groupJoinPayloadSchema,
  groupLeavePayloadSchema,
  groupParticipantsPayloadSchema,
  groupUpdatePayloadSchema,
  messagePayloadSchema,
  presencePayloadSchema,
  reactionPayloadSchema,
  revokedPayloadSchema,
  sessionStatusPayloadSchema,
  type WebhookEnvelope,
} from "./webhook-payloads.ts";

/** The payload schema of each event the ingest stores or passes on; other events are acknowledged and dropped. */
const payloadSchemas = {
  "session.status": sessionStatusPayloadSchema,
  message: messagePayloadSchema,
  "message.any": messagePayloadSchema,
  "message.ack": ackPayloadSchema,
  "message.reaction": reactionPayloadSchema,
  "message.edited": editedPayloadSchema,
  "message.revoked": revokedPayloadSchema,
  "chat.archive": archivePayloadSchema,
  "presence.update": presencePayloadSchema,
  "group.v2.join": groupJoinPayloadSchema,
  "group.v2.leave": groupLeavePayloadSchema,
  "group.v2.update": groupUpdatePayloadSchema,
  "group.v2.participants": groupParticipantsPayloadSchema,
} as const;

type PayloadSchemas = typeof payloadSchemas;

/** A webhook event with its payload parsed: `event` tells which payload it carries. */
export type WebhookEvent =
  | { [Name in keyof PayloadSchemas]: { event: Name; payload: z.infer<PayloadSchemas[Name]> } }[keyof PayloadSchemas]
  | { event: "ignored"; payload: null };

const isKnown = (event: string): event is keyof PayloadSchemas => Object.hasOwn(payloadSchemas, event);

/**
 * Reads a verified envelope's payload before it joins a batch, so a malformed one is refused
 * (ZodError → 400) on its own request and never fails the other webhooks of its batch.
 */
export function parseWebhookEvent(envelope: WebhookEnvelope): WebhookEvent {
  if (!isKnown(envelope.event)) return { event: "ignored", payload: null };
  const payload: unknown = payloadSchemas[envelope.event].parse(envelope.payload);
  return { event: envelope.event, payload } as WebhookEvent;
}
