// bench/search: p50/p95 latency of `search.inbox` (full-text over message bodies in English,
// Portuguese and Spanish, newest first, with marked snippets; and chats by contact name) over HTTP
// on the real API app as a signed-in member, on the generated workspace of 10,000 chats and
// 1,000,000 messages (bench/support/large-inbox.ts, the same data as inbox-read), for queries
// from the very common to the rare, and its two halves (messages by text, chats by name) called
// straight through the app's pool. Goal: p95 <= 50 ms for each.
// Knobs: DATABASE_URL (the Postgres server for the scratch database; default 127.0.0.1:5432),
// BENCH_ITERATIONS (timed calls per query, default 300), BENCH_MESSAGES (default 1,000,000).
import { availableParallelism, loadavg } from "node:os";
import { queryRows } from "@nexis/db";
import { searchChats, searchMessages } from "@nexis/db/queries/search";
import { sql } from "drizzle-orm";
import { setUpLargeInbox } from "./support/large-inbox.ts";
import { formatMs, sampleInterleaved } from "./support/latency.ts";
import { rareWord } from "./support/words.ts";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const goalP95Ms = 50;

const setting = await setUpLargeInbox({ chats: messages / 100, messages, otherChats: messages / 1000, otherMessages: messages / 10 });
const { database, member, inbox } = setting;

const queries = {
  "very common word": "pedido",
  "single word": "garantia",
  "two words": "refund invoice",
  phrase: '"entrega amanhã"',
  "rare word": rareWord,
  "contact name": "Fernanda",
};

type SearchResult = { messages: { messageId: string }[]; chats: { chatId: string }[] };
const search = (query: string) => member.query<SearchResult>("search.inbox", { query, limit: 20 });

console.log(`search on ${database.kind}: ${inbox.chats} chats, ${inbox.messages} messages; neighbour workspace ${setting.other.messages} messages;`);
console.log(`  load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${availableParallelism()} cores (figures stretch with it)`);
console.log(`  generated in ${setting.generationSeconds.toFixed(1)} s; ${iterations} timed calls per query after ${iterations / 10} warm-up, one at a time`);
let met = true;
for (const [label, query] of Object.entries(queries)) {
  // How many messages match at all, so each figure says which kind of query it is.
  const [count] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from message where workspace_id = ${member.workspaceId} and deleted_at is null
          and search_vector @@ (websearch_to_tsquery('english', ${query}) || websearch_to_tsquery('portuguese', ${query}) || websearch_to_tsquery('spanish', ${query}))`,
  );
  const first = await search(query);
  if (first.messages.length === 0 && first.chats.length === 0) throw new Error(`search "${query}" found nothing`);
  // Its two halves, called straight through the app's pool, say which one limits the whole.
  const params = { workspaceId: member.workspaceId, query };
  const { api, messages: byText, chats: byName } = await sampleInterleaved(
    { api: () => search(query), messages: () => searchMessages(database.db, { ...params, limit: 20 }), chats: () => searchChats(database.db, { ...params, limit: 10 }) },
    { iterations, warmup: iterations / 10 },
  );
  const ok = api.p95 <= goalP95Ms;
  met &&= ok;
  const found = `${String(count?.n ?? 0).padStart(7)} matching messages, page ${String(first.messages.length).padStart(2)} + ${first.chats.length} chats`;
  console.log(`  ${label.padEnd(17)} ${JSON.stringify(query).padEnd(18)} ${found}`);
  console.log(`    search.inbox p50 ${formatMs(api.p50)}  p95 ${formatMs(api.p95)}  ${ok ? "met" : "NOT met"}`);
  console.log(`    its halves:  messages p50 ${formatMs(byText.p50)}  p95 ${formatMs(byText.p95)};  chats p50 ${formatMs(byName.p50)}  p95 ${formatMs(byName.p95)}`);
}
console.log(`  goal: p95 <= ${goalP95Ms} ms for every query: ${met ? "met" : "NOT met"}`);
if (!met) process.exitCode = 1;

await setting.dispose();
