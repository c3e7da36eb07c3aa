// Signed inbound `message` webhooks as the WhatsApp service sends them, and autocannon firing them
// at `POST /webhooks/whatsapp` from many concurrent senders (ingest-throughput, cluster).
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { englishWords, portugueseWords } from "./words.ts";

export interface Webhook {
  body: string;
  hmac: string;
}

export interface WebhookSource {
  /** The linked number (the webhook's `session`). */
  accountId: string;
  /** Its webhook key, as the app opens it, to sign with HMAC-SHA512. */
  webhookKey: string;
  /** Distinct contacts the messages come from. */
  senders: number;
}

const words = [...englishWords, ...portugueseWords];
const sentence = (seed: number) => Array.from({ length: 4 + (seed % 9) }, (_, index) => words[(seed * 31 + index * 7) % words.length]).join(" ");
export const senderId = (index: number, senders: number) => `55119${String(index % senders).padStart(8, "0")}@c.us`;

/** The `index`th webhook of a series named `prefix`: unique event and message ids within it. */
export function messageWebhook(source: WebhookSource, prefix: string, index: number): Webhook {
  const from = senderId(index, source.senders);
  const body = JSON.stringify({
    id: `evt_${prefix}_${index}`,
    timestamp: Date.now(),
    event: "message",
    session: source.accountId,
    engine: "WEBJS",
    me: { id: "15550001111@c.us", pushName: "Bench" },
    payload: {
      id: `false_${from}_${prefix.toUpperCase()}${index}`,
      timestamp: Math.floor(Date.now() / 1000),
      from,
      to: "15550001111@c.us",
      fromMe: false,
      body: sentence(index),
      hasMedia: false,
      ack: 1,
      _data: { notifyName: `Customer ${index % source.senders}` },
    },
  });
  return { body, hmac: createHmac("sha512", source.webhookKey).update(body).digest("hex") };
}

export const messageWebhooks = (source: WebhookSource, prefix: string, total: number): Webhook[] =>
  Array.from({ length: total }, (_, index) => messageWebhook(source, prefix, index));

export interface FireResult {
  /** Answered 2xx per second of the run. */
  perSecond: number;
  answered2xx: number;
  non2xx: number;
  errors: number;
  p99: number;
  statuses: string;
}

/**
 * POSTs webhooks to `url` from `connections` concurrent senders, each the next of `next()`:
 * `amount` of them, or as many as go in `seconds`.
 */
export async function fireWebhooks(url: string, options: { connections: number; next: () => Webhook; amount?: number; seconds?: number }): Promise<FireResult> {
  const started = performance.now();
  // Timed to the last answer: autocannon ends a run on its one-second tick, which would round every run up.
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        ...(options.amount === undefined ? { duration: options.seconds ?? 10 } : { amount: options.amount }),
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const webhook = options.next();
              return {
                ...request,
                body: webhook.body,
                headers: { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": webhook.hmac },
              };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on("response", () => (lastAnswer = performance.now()));
  });
  const seconds = (lastAnswer - started) / 1000;
  const statuses = `2xx ${result["2xx"]}, 4xx ${result["4xx"]}, 5xx ${result["5xx"]}, errors ${result.errors}, timeouts ${result.timeouts}`;
  return { perSecond: result["2xx"] / seconds, answered2xx: result["2xx"], non2xx: result.non2xx, errors: result.errors + result.timeouts, p99: result.latency.p99, statuses };
}
