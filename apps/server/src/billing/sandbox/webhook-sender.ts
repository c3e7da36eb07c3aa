import { randomBytes } from "node:crypto";
import { webhookSignature } from "../signatures.ts";

/** Creem's retry schedule after a delivery without a 200: 30 s, 1 min, 5 min, 1 h. */
export const creemRetryDelaysMs = [30_000, 60_000, 300_000, 3_600_000];

export interface WebhookSenderOptions {
  /** Sends the signed request (the server's own `/webhooks/creem`). */
  deliver: (request: Request) => Promise<Response>;
  url: string;
  secret: string;
  /** Delays before each retry; Creem's by default, shorter in tests. */
  retryDelaysMs?: number[];
  log?: (message: string) => void;
}

/** One delivery attempt's outcome, for tests and logs. */
export interface DeliveryAttempt {
  eventId: string;
  attempt: number;
  status: number | "error";
}

/**
 * Posts webhooks the way Creem does: `{ id, eventType, created_at, object }`, signed in the
 * `creem-signature` header, retried on Creem's schedule until a 200. `send` resolves after the
 * first attempt; retries run on timers that do not keep the process alive.
 */
export function createWebhookSender(options: WebhookSenderOptions) {
  const delays = options.retryDelaysMs ?? creemRetryDelaysMs;
  const attempts: DeliveryAttempt[] = [];

  async function attempt(eventId: string, body: string, number: number): Promise<boolean> {
    let status: number | "error";
    try {
      const response = await options.deliver(
        new Request(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", "creem-signature": webhookSignature(body, options.secret) },
          body,
        }),
      );
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = "error";
    }
    attempts.push({ eventId, attempt: number, status });
    if (status === 200) return true;
    const delay = delays[number - 1];
    if (delay === undefined) {
      options.log?.(`sandbox webhook ${eventId} failed after ${number} attempts; giving up`);
      return false;
    }
    setTimeout(() => void attempt(eventId, body, number + 1), delay).unref();
    return false;
  }

  return {
    attempts,
    /** Sends one event; resolves with whether the first attempt got a 200. */
    send(eventType: string, object: unknown): Promise<boolean> {
      const id = `evt_sbx_${randomBytes(12).toString("hex")}`;
      const body = JSON.stringify({ id, eventType, created_at: Date.now(), object });
      return attempt(id, body, 1);
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
