import { createHmac, timingSafeEqual } from "node:crypto";
import type { components } from "./generated/waha.ts";

type Schemas = components["schemas"];

/** WAHA's webhook bodies by event, as its OpenAPI document defines them. */
export type WahaWebhookPayloads = {
  "session.status": Schemas["WAHAWebhookSessionStatus"];
  message: Schemas["WAHAWebhookMessage"];
  "message.any": Schemas["WAHAWebhookMessageAny"];
  "message.ack": Schemas["WAHAWebhookMessageAck"];
  "message.reaction": Schemas["WAHAWebhookMessageReaction"];
  "message.revoked": Schemas["WAHAWebhookMessageRevoked"];
  "message.edited": Schemas["WAHAWebhookMessageEdited"];
  "presence.update": Schemas["WAHAWebhookPresenceUpdate"];
  "chat.archive": Schemas["WAHAWebhookChatArchive"];
  "group.v2.join": Schemas["WAHAWebhookGroupJoin"];
  "group.v2.leave": Schemas["WAHAWebhookGroupLeave"];
};

/** The hex HMAC-SHA512 of a webhook's raw body, as WAHA sends it in `X-Webhook-Hmac`. */
export function signWebhookBody(rawBody: string | Uint8Array, key: string): string {
  return createHmac("sha512", key).update(rawBody).digest("hex");
}

/** Whether `signature` is the body's HMAC under `key`, compared in constant time. */
export function verifyWebhookSignature(rawBody: string | Uint8Array, signature: string | null | undefined, key: string): boolean {
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, key), "hex");
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}
