// bench/inbox-read: p50/p95 latency of the inbox's two reads on a generated workspace of 10,000
// chats and 1,000,000 messages (plus a neighbour workspace of 1,000 chats and 100,000 messages) on
// Postgres: `chat.list` (first page of 50 chats with contact, tags, last message and unread) and
// a `message.list` page of the busiest chat, each called over HTTP on the real API app as a
// signed-in member, against hand-written SQL for the same page served by a bare Hono endpoint on
// the same runtime and pool (HTTP and the query only: what the API's auth, tRPC and query layers
// add is the ratio). Goal: API p95 <= 1.5x that and <= 15 ms. Beside them: the same SQL straight
// through the pool (no HTTP), and the fixed cost of any signed-in call, tRPC `health` over HTTP
// with the same bearer token (HTTP, tRPC and the session, no data).
// Knobs: DATABASE_URL (the Postgres server for the scratch database; default 127.0.0.1:5432),
// BENCH_ITERATIONS (timed calls per read, default 1000), BENCH_MESSAGES (default 1,000,000).
import { Hono } from "hono";
import { availableParallelism, loadavg } from "node:os";
import { chatPageSql, messagePageSql } from "./support/inbox-sql.ts";
import { setUpLargeInbox } from "./support/large-inbox.ts";
import { formatMs, sampleInterleaved, type Percentiles } from "./support/latency.ts";
import { listen } from "./support/load.ts";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 1000);
const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const pageSize = 50;
const goal = { ratio: 1.5, p95Ms: 15 };

const setting = await setUpLargeInbox({ chats: messages / 100, messages, otherChats: messages / 1000, otherMessages: messages / 10 });
const { database, member, inbox } = setting;
const { db } = database;
const workspaceId = member.workspaceId;

type Page = { items: { id: string }[] };
const floor = () => member.query("health", undefined);

// The baseline: the hand-written SQL behind a bare Hono endpoint in this process (no auth, no tRPC).
const bare = new Hono()
  .get("/chats", async (c) => c.json(await chatPageSql(db, { workspaceId, limit: pageSize })))
  .get("/messages", async (c) => c.json(await messagePageSql(db, { workspaceId, chatId: c.req.query("chatId") ?? "", limit: pageSize })));
const baseline = await listen(bare.fetch);
const overHttp = async (path: string) => (await (await fetch(`${baseline.url}${path}`)).json()) as { id: string }[];
const reads = {
  "chat.list": {
    api: () => member.query<Page>("chat.list", { limit: pageSize }),
    http: () => overHttp("/chats"),
    sql: () => chatPageSql(db, { workspaceId, limit: pageSize }),
    floor,
  },
  "message.list": {
    api: () => member.query<Page>("message.list", { chatId: inbox.busyChatId, limit: pageSize }),
    http: () => overHttp(`/messages?chatId=${inbox.busyChatId}`),
    sql: () => messagePageSql(db, { workspaceId, chatId: inbox.busyChatId, limit: pageSize }),
    floor,
  },
};

// Both sides must give the same page before anything is timed, so a broken query never reads as a fast one.
for (const [name, read] of Object.entries(reads)) {
  const apiIds = (await read.api()).items.map((item) => item.id);
  const sqlIds = (await read.sql()).slice(0, pageSize).map((row) => row.id);
  const httpIds = (await read.http()).slice(0, pageSize).map((row) => row.id);
  if (apiIds.length !== pageSize || apiIds.join() !== sqlIds.join() || httpIds.join() !== sqlIds.join()) throw new Error(`${name}: the API and the SQL disagree on the page`);
}

console.log(`inbox-read on ${database.kind}: ${inbox.chats} chats, ${inbox.messages} messages (busiest chat ${inbox.busyChatMessages});`);
console.log(`  neighbour workspace ${setting.other.chats} chats, ${setting.other.messages} messages; generated in ${setting.generationSeconds.toFixed(1)} s`);
console.log(`  ${iterations} timed calls each after ${iterations / 10} warm-up, one at a time, API over HTTP with a bearer token`);
console.log(`  load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${availableParallelism()} cores (figures stretch with it)`);
let met = true;
for (const [name, read] of Object.entries(reads)) {
  const result = await sampleInterleaved(read, { iterations, warmup: iterations / 10 });
  const ratio = result.api.p95 / result.http.p95;
  const ok = ratio <= goal.ratio && result.api.p95 <= goal.p95Ms;
  met &&= ok;
  const line = (label: string, p: Percentiles) => `    ${label.padEnd(18)} p50 ${formatMs(p.p50)}  p95 ${formatMs(p.p95)}`;
  console.log(`  ${name} (page of ${pageSize})`);
  console.log(line("API (tRPC, HTTP)", result.api));
  console.log(line("SQL, bare Hono", result.http));
  console.log(line("SQL, pool only", result.sql));
  console.log(line("signed-in floor", result.floor));
  console.log(`    API above the floor: p50 ${formatMs(result.api.p50 - result.floor.p50)}, p95 ${formatMs(result.api.p95 - result.floor.p95)}`);
  console.log(`    API / bare Hono SQL: p50 ${(result.api.p50 / result.http.p50).toFixed(2)}  p95 ${ratio.toFixed(2)}  (goal p95 <= ${goal.ratio}x and <= ${goal.p95Ms} ms: ${ok ? "met" : "NOT met"})`);
  console.log(`    API / pool-only SQL: p50 ${(result.api.p50 / result.sql.p50).toFixed(2)}  p95 ${(result.api.p95 / result.sql.p95).toFixed(2)}`);
}
if (!met) process.exitCode = 1;

await baseline.close();
await setting.dispose();
