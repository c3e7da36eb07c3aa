// bench/ingest-throughput: signed inbound `message` webhooks per second through the real API app's
// full ingest path (POST /webhooks/whatsapp: timestamp and HMAC checks, parsing, batched
// transactions into the database), from many concurrent senders on loopback. Beside it, in the same
// run: a bare Hono endpoint on the same runtime that only parses the same bodies (the HTTP limit),
// and a raw batched `INSERT … ON CONFLICT DO NOTHING` of the same message rows (the database limit).
// Goals: >= 0.35x the bare endpoint and >= 5,000 messages/s. The bare endpoint and the API take
// turns, round after round, and each round's ratio compares the two runs next to each other: this
// machine's speed drifts by 10-20 % over a minute, which a single pair of runs reads as a change.
// Knobs: BENCH_MESSAGES (per run, default 40000), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 128), BENCH_SENDERS (default 1000),
// DATABASE_URL (a scratch database is created on that server and dropped; PGlite without it).
import { schema } from "@nexis/db";
import { createTestDatabase } from "@nexis/db/testing";
import { count, eq } from "drizzle-orm";
import { Hono } from "hono";
import { createApp } from "server/app";
import { createSecretBox } from "server/secret-box";
import { percentiles } from "./support/latency.ts";
import { listen } from "./support/load.ts";
import { type FireResult, messageWebhooks, senderId } from "./support/message-webhooks.ts";
import { fireFromProcess } from "./support/sender-process.ts";

const messages = Number(process.env.BENCH_MESSAGES ?? 40_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 128);
const senders = Number(process.env.BENCH_SENDERS ?? 1_000);
const authSecret = "bench-secret-that-is-long-enough-0123456789";
const database = await createTestDatabase(process.env.DATABASE_URL);
const { db } = database;

// A workspace with one linked number whose webhook key we know (sealed as the app stores it).
const webhookKey = "bench-webhook-key-0123456789abcdefghijklmno";
const workspaceId = crypto.randomUUID();
await db.insert(schema.organization).values({ id: workspaceId, name: "Bench", slug: `bench-${workspaceId}`, createdAt: new Date() });
const [account] = await db
  .insert(schema.whatsappAccount)
  .values({ workspaceId, name: "Bench number", status: "WORKING", webhookSecret: createSecretBox(authSecret, "whatsapp-webhook-key").seal(webhookKey) })
  .returning({ id: schema.whatsappAccount.id });
if (!account) throw new Error("no account");

const source = { accountId: account.id, webhookKey, senders };
/** Fires the series `prefix` (`total` webhooks) once, from `connections` concurrent senders in their own process. */
const fire = (url: string, prefix: string, total: number) => fireFromProcess({ url: `${url}/webhooks/whatsapp`, source, prefix, total, connections });

const bare = new Hono().post("/webhooks/whatsapp", async (c) => {
  const parsed = JSON.parse(await c.req.text()) as { id?: unknown };
  return c.json({ ok: typeof parsed.id === "string", duplicate: false });
});
const api = createApp({ database, corsOrigins: ["http://localhost:3000"], authSecret, rateLimiter: null, authRateLimit: false });
const baseline = await listen(bare.fetch);
const subject = await listen(api.fetch);

// Warm-up: JIT, connection pool, the account's cached key.
await fire(baseline.url, "warm", 3_000);
await fire(subject.url, "warm", 3_000);

const storedRows = async () => (await db.select({ n: count() }).from(schema.message).where(eq(schema.message.accountId, account.id)))[0]?.n ?? 0;
const results: { bare: FireResult; api: FireResult; stored: number }[] = [];
for (let round = 1; round <= rounds; round++) {
  const bare = await fire(baseline.url, `run${round}`, messages);
  const before = await storedRows();
  const api = await fire(subject.url, `run${round}`, messages);
  results.push({ bare, api, stored: (await storedRows()) - before });
}

// The database alone: the same message rows (under a second number) in batches of 200.
const [rawAccount] = await db.insert(schema.whatsappAccount).values({ workspaceId, name: "Raw insert" }).returning({ id: schema.whatsappAccount.id });
if (!rawAccount) throw new Error("no account");
const chatIds = new Map<string, string>();
for (let index = 0; index < Math.min(senders, messages); index += 500) {
  const rows = Array.from({ length: Math.min(500, Math.min(senders, messages) - index) }, (_, offset) => ({ workspaceId, accountId: rawAccount.id, waChatId: senderId(index + offset, senders) }));
  for (const chat of await db.insert(schema.chat).values(rows).returning({ id: schema.chat.id, waChatId: schema.chat.waChatId })) chatIds.set(chat.waChatId, chat.id);
}
const rows = messageWebhooks(source, "run1", messages).map((webhook) => {
  const { payload } = JSON.parse(webhook.body) as { payload: { id: string; from: string; body: string; timestamp: number; ack: number } };
  return { workspaceId, accountId: rawAccount.id, chatId: chatIds.get(payload.from) ?? "", waMessageId: payload.id, fromMe: false, body: payload.body, ack: payload.ack, timestamp: payload.timestamp };
});
const rawStarted = performance.now();
for (let index = 0; index < rows.length; index += 200) {
  await db.insert(schema.message).values(rows.slice(index, index + 200)).onConflictDoNothing({ target: [schema.message.accountId, schema.message.waMessageId] });
}
const rawPerSecond = rows.length / ((performance.now() - rawStarted) / 1000);

const ratios = results.map((result) => result.api.perSecond / result.bare.perSecond);
// The middle round (the lower middle one for an even count).
const median = (values: number[]) => percentiles(values).p50;
const ratio = median(ratios);
const apiPerSecond = median(results.map((result) => result.api.perSecond));
console.log(`ingest-throughput on ${database.kind}: ${rounds} rounds of ${messages} signed message webhooks, ${connections} concurrent senders, ${senders} contacts`);
results.forEach((result, index) => {
  const { bare, api } = result;
  console.log(`  round ${index + 1}: bare Hono ${bare.perSecond.toFixed(0)} req/s (p99 ${bare.p99} ms), API ingest ${api.perSecond.toFixed(0)} msg/s (p99 ${api.p99} ms), ratio ${(ratios[index] as number).toFixed(2)}`);
});
console.log(`  bare Hono, parse only       : ${median(results.map((result) => result.bare.perSecond)).toFixed(0)} req/s (median)`);
console.log(`  API ingest (batched)        : ${apiPerSecond.toFixed(0)} msg/s (median), ${results.reduce((sum, result) => sum + result.stored, 0)} rows stored`);
console.log(`  raw batched INSERT (200/stmt): ${rawPerSecond.toFixed(0)} rows/s`);
console.log(`  ratio ingest/bare           : ${ratio.toFixed(2)} (median of the rounds; goal >= 0.35)`);
console.log(`  ratio ingest/raw insert     : ${(apiPerSecond / rawPerSecond).toFixed(2)}`);
console.log(`  goal >= 5,000 msg/s         : ${apiPerSecond >= 5_000 ? "met" : "NOT met"}; ratio goal ${ratio >= 0.35 ? "met" : "NOT met"}`);
for (const [index, { bare, api, stored }] of results.entries()) {
  if (bare.non2xx + bare.errors + api.non2xx + api.errors > 0 || stored !== messages) {
    console.log(`  WARNING: round ${index + 1}: ${stored} of ${messages} messages stored; bare: ${bare.statuses}; API: ${api.statuses}`);
  }
}

await subject.close();
await baseline.close();
await database.dispose();
