import { signBody } from "./signing.ts";
import type { DeliveryTarget } from "./webhook-outbox.ts";

/** The result of one HTTP attempt: delivered on any 2xx, otherwise an error to retry on. */
export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const attemptTimeoutMs = 10_000;

/**
 * POSTs the raw body once, with WAHA's headers: `X-Webhook-Request-Id` (new per attempt),
 * `X-Webhook-Timestamp` (ms), and, when the webhook has an HMAC key, `X-Webhook-Hmac` and
 * `X-Webhook-Hmac-Algorithm: sha512`. Custom headers come first so they cannot override ours.
 */
export async function sendWebhook(target: DeliveryTarget, body: string): Promise<AttemptResult> {
  const headers = new Headers();
  for (const header of target.customHeaders ?? []) headers.set(header.name, header.value);
  headers.set("Content-Type", "application/json");
  headers.set("X-Webhook-Request-Id", crypto.randomUUID());
  headers.set("X-Webhook-Timestamp", String(Date.now()));
  if (target.hmac?.key) {
    headers.set("X-Webhook-Hmac", signBody(body, target.hmac.key));
    headers.set("X-Webhook-Hmac-Algorithm", "sha512");
  }
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(attemptTimeoutMs),
    });
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}
