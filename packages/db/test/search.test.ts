import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, schema } from "../src/index.ts";
import { searchMessages } from "../src/queries/search.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing.ts";

const target = process.env.DATABASE_URL ? "postgres" : "pglite";
let database: TestDatabase;

/**
 * 3,000 messages in each workspace, the newest 500 a second apart and the older ones an hour
 * apart, so the search needs each of its passes: "pedido" in one of 7 (found among the newest),
 * "garantia" in one of 97, "xilofone" in two old ones (found only by searching everything); one
 * in 50 deleted. The other workspace's copies are newer.
 */
async function fill(workspaceId: string, accountId: string, chatId: string, base: number) {
  await database.db.insert(schema.whatsappAccount).values({ id: accountId, workspaceId, name: "Main" });
  await database.db.insert(schema.chat).values({ id: chatId, workspaceId, accountId, waChatId: `${accountId}@c.us` });
  await queryRows(
    database.db,
    sql`insert into message (id, workspace_id, account_id, chat_id, wa_message_id, from_me, body, timestamp, deleted_at)
        select gen_random_uuid()::text, ${workspaceId}, ${accountId}, ${chatId}, 'm' || i, false,
               case when i in (3, 10) then 'tem xilofone' when i % 97 = 0 then 'a garantia vence' when i % 7 = 0 then 'meu pedido' else 'bom dia' end,
               case when i >= 2500 then ${base} + 2500 * 3600 + (i - 2500) else ${base} + i * 3600 end, case when i % 50 = 0 then now() end
          from generate_series(0, 2999) i`,
  );
}

/** The page the search must give: every match sorted newest first, the slow way. */
async function expected(workspaceId: string, query: string, limit: number) {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select id from message where workspace_id = ${workspaceId} and deleted_at is null
          and search_vector @@ (websearch_to_tsquery('english', ${query}) || websearch_to_tsquery('portuguese', ${query}) || websearch_to_tsquery('spanish', ${query}))
        order by timestamp desc, id desc limit ${limit}`,
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL);
  await database.db.insert(schema.organization).values(["ws_a", "ws_b"].map((id) => ({ id, name: id, slug: id, createdAt: new Date() })));
  await fill("ws_a", crypto.randomUUID(), crypto.randomUUID(), 1_700_000_000);
  await fill("ws_b", crypto.randomUUID(), crypto.randomUUID(), 1_800_000_000);
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe(`searchMessages on ${target}`, () => {
  it.each([
    ["a common word, found among the newest messages", "pedido"],
    ["an uncommon word, found in wider passes", "garantia"],
    ["a rare word, found only by searching everything", "xilofone"],
    ["a word nobody wrote", "inexistente"],
    ["two words, both required", "garantia vence"],
    ["a phrase, found in wider passes", '"garantia vence"'],
    ["a rare phrase, found only by searching everything", '"tem xilofone"'],
    ["a phrase nobody wrote", '"vence garantia"'],
  ])("gives the exact newest page for %s", async (_label, query) => {
    const found = await searchMessages(database.db, { workspaceId: "ws_a", query, limit: 20 });
    expect(found.map((hit) => hit.messageId)).toEqual(await expected("ws_a", query, 20));
    expect(found.every((hit, index) => index === 0 || hit.timestamp <= (found[index - 1]?.timestamp ?? 0))).toBe(true);
  });

  it("marks the hit in each snippet", async () => {
    const [hit] = await searchMessages(database.db, { workspaceId: "ws_a", query: "garantia", limit: 1 });
    expect(hit?.snippet).toEqual([
      { text: "a ", hit: false },
      { text: "garantia", hit: true },
      { text: " vence", hit: false },
    ]);
  });
});
