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
  if (!signature || signature.length !== 128) return false;
  // Hex decoding stops at the first non-hex pair: anything but 64 bytes was not a hex HMAC.
  const presented = Buffer.from(signature, "hex");
  if (presented.length !== 64) return false;
  return timingSafeEqual(createHmac("sha512", key).update(rawBody).digest(), presented);
}
