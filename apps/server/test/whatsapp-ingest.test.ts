import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhookAccount, messagePayload, type WebhookAccount } from "./support/ingest-webhooks.ts";
import { startTestServer, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let account: WebhookAccount;

const one = async <Row>(query: ReturnType<typeof sql>) => (await queryRows<Row>(server.database.db, query))[0];
const count = async (query: ReturnType<typeof sql>) => (await one<{ n: number }>(query))?.n ?? -1;
const statuses = (responses: Response[]) => responses.map((response) => response.status);

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Ingest owner");
  account = await addWebhookAccount(server, owner);
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe("webhook ingest: batched, idempotent", () => {
  it("100 concurrent deliveries of one event and 100 replays store one message and count it unread once", async () => {
    const payload = messagePayload({ id: "false_5511933330000@c.us_CONCURRENT", from: "5511933330000@c.us", body: "only once" });
    const envelope = { id: "evt_concurrent_1", event: "message", payload };
    const concurrent = await Promise.all(Array.from({ length: 100 }, () => account.post(envelope)));
    expect(statuses(concurrent)).toEqual(Array(100).fill(200));
    const answers = (await Promise.all(concurrent.map((response) => response.json()))) as { duplicate: boolean }[];
    expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);

    for (let replay = 0; replay < 100; replay++) expect((await account.post(envelope)).status).toBe(200);
    // The same message under other event ids (WAHA sends it as `message` and `message.any`).
    const others = await Promise.all(Array.from({ length: 50 }, (_, index) => account.post({ id: `evt_concurrent_any_${index}`, event: "message.any", payload })));
    expect(statuses(others)).toEqual(Array(50).fill(200));

    expect(await count(sql`select count(*)::int as n from message where wa_message_id = ${payload.id}`)).toBe(1);
    expect(await count(sql`select unread_count as n from chat where wa_chat_id = '5511933330000@c.us'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from processed_webhook_event where event_id like 'evt_concurrent%'`)).toBe(51);
    const { items } = await owner.trpc.chat.list.query({ accountId: account.accountId });
    expect(items.find((chat) => chat.waChatId === "5511933330000@c.us")).toMatchObject({ unreadCount: 1, lastMessage: { body: "only once" } });
  });

  it("many senders at once: every message stored, each chat's unread and last message right", async () => {
    const senders = Array.from({ length: 20 }, (_, index) => `55119444${String(index).padStart(5, "0")}@c.us`);
    const posts = senders.flatMap((from, sender) =>
      Array.from({ length: 5 }, (_, index) =>
        account.post({ id: `evt_many_${sender}_${index}`, event: "message", payload: messagePayload({ id: `false_${from}_MANY${index}`, from, body: `message ${index}`, timestamp: 1_800_000_000 + index }) }),
      ),
    );
    expect(statuses(await Promise.all(posts))).toEqual(Array(100).fill(200));
    const chats = await queryRows<{ unread: number; last: Date | string }>(
      server.database.db,
      sql`select unread_count as unread, last_message_at as last from chat where wa_chat_id like '55119444%'`,
    );
    expect(chats).toHaveLength(20);
    for (const chat of chats) {
      expect(chat.unread).toBe(5);
      expect(new Date(chat.last).getTime()).toBe((1_800_000_000 + 4) * 1000);
    }
  });

  it("messages sent within the same second show in the order they arrived, whole and in pages", async () => {
    const from = "5511944440000@c.us";
    const second = 1_800_000_500;
    const bodies = ["Oi", "tudo bem?", "queria saber", "do meu pedido", "#4521", "obrigado"];
    for (const [index, body] of bodies.entries()) {
      const posted = await account.post({ id: `evt_same_second_${index}`, event: "message", payload: messagePayload({ id: `false_${from}_SAME${index}`, from, body, timestamp: second }) });
      expect(posted.status).toBe(200);
    }
    const { items } = await owner.trpc.chat.list.query({ accountId: account.accountId });
    const chat = items.find((item) => item.waChatId === from);
    expect(chat?.lastMessage?.body).toBe("obrigado");
    const newestFirst = [...bodies].reverse();
    expect((await owner.trpc.message.list.query({ chatId: chat?.id ?? "" })).items.map((message) => message.body)).toEqual(newestFirst);
    // Paging inside the tie keeps the order too.
    const first = await owner.trpc.message.list.query({ chatId: chat?.id ?? "", limit: 4 });
    const rest = await owner.trpc.message.list.query({ chatId: chat?.id ?? "", limit: 4, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...rest.items].map((message) => message.body)).toEqual(newestFirst);
  });

  it("a bad webhook in a batch is refused (400) alone; the good ones around it are stored", async () => {
    const good = Array.from({ length: 20 }, (_, index) =>
      account.post({ id: `evt_mixed_${index}`, event: "message", payload: messagePayload({ id: `false_5511955550000@c.us_MIXED${index}`, from: "5511955550000@c.us", body: `good ${index}` }) }),
    );
    // Unreadable (no sender) and unstorable (a NUL character Postgres refuses in text), sent among the good ones.
    const unreadable = account.post({ id: "evt_mixed_unreadable", event: "message", payload: { id: "false_x@c.us_BAD1", timestamp: 1, fromMe: false, body: "no sender" } });
    const unstorable = account.post({ id: "evt_mixed_nul", event: "message", payload: messagePayload({ id: "false_5511955550000@c.us_NUL", from: "5511955550000@c.us", body: "nul \u0000 inside" }) });
    const [bad, nul, ...goods] = await Promise.all([unreadable, unstorable, ...good]);
    expect(bad?.status).toBe(400);
    expect(nul?.status).toBe(400);
    expect(((await nul?.json()) as { error: string }).error).toMatch(/Unstorable message payload/);
    expect(statuses(goods)).toEqual(Array(20).fill(200));
    expect(await count(sql`select count(*)::int as n from message where wa_message_id like 'false_5511955550000@c.us_MIXED%'`)).toBe(20);
    expect(await count(sql`select unread_count as n from chat where wa_chat_id = '5511955550000@c.us'`)).toBe(20);
    // Neither bad event is recorded as handled: a corrected retry would still be applied.
    expect(await count(sql`select count(*)::int as n from processed_webhook_event where event_id in ('evt_mixed_unreadable', 'evt_mixed_nul')`)).toBe(0);
  });

  it("an ack in the same batch as its message applies after it; acks only move forward", async () => {
    const payload = messagePayload({ id: "true_5511966660000@c.us_ACKED", from: "15550001111@c.us", body: "ours", fromMe: true });
    const sent = { ...payload, from: "15550001111@c.us", to: "5511966660000@c.us", ack: 1 };
    const answers = await Promise.all([
      account.post({ id: "evt_ack_message", event: "message.any", payload: sent }),
      account.post({ id: "evt_ack_read", event: "message.ack", payload: { id: sent.id, ack: 3 } }),
    ]);
    expect(statuses(answers)).toEqual([200, 200]);
    await account.post({ id: "evt_ack_late_device", event: "message.ack", payload: { id: sent.id, ack: 2 } });
    expect(await count(sql`select ack as n from message where wa_message_id = ${sent.id}`)).toBe(3);
    expect(await count(sql`select unread_count as n from chat where wa_chat_id = '5511966660000@c.us'`)).toBe(0);
  });

  it("refuses a removed account's webhooks at once (its cached key is forgotten)", async () => {
    const remover = await server.signUp("Remover");
    const removable = await addWebhookAccount(server, remover, "Removable");
    const message = (id: string) => ({ id, event: "message", payload: messagePayload({ id: `false_5511977770000@c.us_${id}`, from: "5511977770000@c.us", body: id }) });
    expect((await removable.post(message("evt_removable_1"))).status).toBe(200);
    await remover.trpc.account.remove.mutate({ id: removable.accountId });
    expect((await removable.post(message("evt_removable_2"))).status).toBe(401);
    expect((await trpcError(remover.trpc.account.get.query({ id: removable.accountId }))).data?.code).toBe("NOT_FOUND");
  });
});
