// The ingest side of bench/cluster: signed inbound `message` webhooks, as ingest-throughput fires
// them, at one API instance or split over several (one autocannon run per instance, in parallel).
import { type Database, schema } from "@nexis/db";
import { count, eq } from "drizzle-orm";
import { createSecretBox } from "server/secret-box";
import { fireWebhooks, messageWebhook, type WebhookSource } from "./message-webhooks.ts";

/** A workspace with one linked number whose webhook key we know (sealed as the instances store it). */
export async function createIngestNumber(db: Database, authSecret: string, senders: number): Promise<WebhookSource> {
  const webhookKey = "bench-webhook-key-0123456789abcdefghijklmno";
  const workspaceId = crypto.randomUUID();
  await db.insert(schema.organization).values({ id: workspaceId, name: "Ingest", slug: `ingest-${workspaceId}`, createdAt: new Date() });
  const [account] = await db
    .insert(schema.whatsappAccount)
    .values({ workspaceId, name: "Ingest number", status: "WORKING", webhookSecret: createSecretBox(authSecret, "whatsapp-webhook-key").seal(webhookKey) })
    .returning({ id: schema.whatsappAccount.id });
  if (!account) throw new Error("no account");
  return { accountId: account.id, webhookKey, senders };
}

export interface IngestRun {
  /** Webhooks answered 2xx per second, all instances together. */
  perSecond: number;
  answered: number;
  /** Message rows the run added (at least `answered`: requests cut at the end may still land). */
  stored: number;
  p99: number;
  failures: number;
  statuses: string;
}

/**
 * Fires webhooks with fresh ids (series `prefix`) for `seconds` at every instance in `urls` at
 * once, `connections` in all, split evenly; counts what was answered and what was stored.
 */
export async function measureIngest(db: Database, source: WebhookSource, urls: string[], options: { prefix: string; seconds: number; connections: number }): Promise<IngestRun> {
  const storedRows = async () => (await db.select({ n: count() }).from(schema.message).where(eq(schema.message.accountId, source.accountId)))[0]?.n ?? 0;
  const before = await storedRows();
  let next = 0;
  const runs = await Promise.all(
    urls.map((url) =>
      fireWebhooks(`${url}/webhooks/whatsapp`, {
        connections: Math.max(1, Math.round(options.connections / urls.length)),
        seconds: options.seconds,
        next: () => messageWebhook(source, options.prefix, next++),
      }),
    ),
  );
  // Requests in flight when autocannon stops are still being written: let them land.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    perSecond: runs.reduce((sum, run) => sum + run.perSecond, 0),
    answered: runs.reduce((sum, run) => sum + run.answered2xx, 0),
    stored: (await storedRows()) - before,
    p99: Math.max(...runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    statuses: runs.map((run) => run.statuses).join(" | "),
  };
}
