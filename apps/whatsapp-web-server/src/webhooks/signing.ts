import { createHmac, timingSafeEqual } from "node:crypto";

/** WAHA's signature: hex HMAC-SHA512 of the raw body, sent in `X-Webhook-Hmac`. */
export function signBody(body: string, key: string): string {
  return createHmac("sha512", key).update(body).digest("hex");
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(body: string, key: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, key), "hex");
  const presented = Buffer.from(signature, "hex");
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
