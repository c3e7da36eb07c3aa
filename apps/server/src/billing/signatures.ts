import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The return-URL parameters Creem signs, in the order it writes them. */
export const returnParamKeys = ["checkout_id", "order_id", "customer_id", "subscription_id", "product_id", "request_id"] as const;
export type ReturnParamKey = (typeof returnParamKeys)[number];

/**
 * Creem's return-URL signature (INTEGRATIONS.md, "Creem"): the signed parameters that are present
 * and not empty, in the order they appear, as `key=value` joined with `|`, then `|salt=<API key>`,
 * SHA-256 in hex. Not an HMAC, and not sorted: an older Creem sample that says so is wrong.
 */
export function returnSignature(params: Iterable<[string, string]>, apiKey: string): string {
  const parts: string[] = [];
  for (const [key, value] of params) {
    if (value === "" || !(returnParamKeys as readonly string[]).includes(key)) continue;
    parts.push(`${key}=${value}`);
  }
  parts.push(`salt=${apiKey}`);
  return createHash("sha256").update(parts.join("|")).digest("hex");
}

/** The return URL's parameters, or null when its `signature` is missing or does not match. */
export function verifyReturnQuery(query: string, apiKey: string): Partial<Record<ReturnParamKey, string>> | null {
  const search = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const signature = search.get("signature");
  if (!signature) return null;
  const entries = [...search.entries()];
  if (!equalHex(returnSignature(entries, apiKey), signature)) return null;
  const params: Partial<Record<ReturnParamKey, string>> = {};
  for (const [key, value] of entries) {
    if (value !== "" && (returnParamKeys as readonly string[]).includes(key)) params[key as ReturnParamKey] = value;
  }
  return params;
}

/** The `creem-signature` of a webhook: hex HMAC-SHA256 of the raw body with the webhook secret. */
export function webhookSignature(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** Whether a webhook's `creem-signature` header matches its raw body (checked before parsing it). */
export function verifyWebhookSignature(rawBody: string, header: string | undefined, secret: string): boolean {
  return header !== undefined && equalHex(webhookSignature(rawBody, secret), header.trim());
}

/** Timing-safe comparison of two hex digests; anything not the same length is a mismatch. */
function equalHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
