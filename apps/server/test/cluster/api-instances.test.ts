import { queryRows, schema } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagePayload } from "../support/ingest-webhooks.ts";
import { eventually, linkNumber } from "../support/sandbox-number.ts";
import type { ApiProcess } from "../support/api-process.ts";
import { type ApiCluster, type ClusterUser, startApiCluster } from "./api-cluster.ts";
import { openLiveStream } from "./live-stream.ts";
import { clientOrigin } from "../support/server.ts";

let cluster: ApiCluster;
let a: ApiProcess;
let b: ApiProcess;
let owner: ClusterUser;

beforeAll(async () => {
  cluster = await startApiCluster({ instances: 2 });
  [a, b] = cluster.instances as [ApiProcess, ApiProcess];
  owner = await cluster.signUp(a, "Cluster owner");
  // Business: room for the two numbers these tests add.
  const workspace = await owner.at(a).workspace.get.query();
  await cluster.database.db.insert(schema.subscription).values({ workspaceId: workspace.id, plan: "business", status: "active" });
}, 120_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

describe("two API instances on one Postgres and Redis", () => {
  it("a client subscribed to instance A sees a message ingested by instance B", async () => {
    const { id: accountId } = await owner.at(b).account.addAccount.mutate({ name: "Fan-out" });
    const sender = await cluster.webhooks(accountId);
    const stream = openLiveStream(a.baseUrl, owner.token);
    await stream.ready;

    const response = await sender.post(b, { id: "evt-fanout-1", event: "message", payload: messagePayload({ id: "wamid-fanout-1", from: "5511911110001@c.us", body: "Hello from B" }) });
    expect(response.status).toBe(200);

    await stream.waitFor((events) => events.some((event) => event.type === "message"));
    const [event] = stream.events().filter((item) => item.type === "message");
    const [row] = await queryRows<{ chat_id: string }>(cluster.database.db, sql`select chat_id from message where wa_message_id = 'wamid-fanout-1'`);
    expect(event?.chatId).toBe(row?.chat_id);
    stream.close();
  });

  it("one outbox job runs once with both instances' BullMQ workers running", async () => {
    const accountId = await linkNumber({ whatsapp: cluster.whatsapp }, { trpc: owner.at(a) }, "Outbound");
    const phone = "5511922220002";
    await cluster.whatsapp.request("POST", `/api/sandbox/${accountId}/inbound`, { from: phone, text: "Oi" });
    const chat = await eventually(async () => {
      const found = (await owner.at(a).chat.list.query({ accountId })).items.find((item) => item.waChatId === `${phone}@c.us`);
      if (!found) throw new Error("no chat yet");
      return found;
    });

    // Several sends at once, through both instances: each is one outbox job, picked by whichever worker.
    const texts = Array.from({ length: 6 }, (_, index) => `Reply ${index} ${crypto.randomUUID().slice(0, 8)}`);
    const sent = await Promise.all(texts.map((text, index) => owner.at(index % 2 === 0 ? a : b).message.send.mutate({ chatId: chat.id, text })));
    await eventually(async () => {
      const rows = await queryRows<{ status: string }>(cluster.database.db, sql`select status from outbox where payload->>'messageId' in ${sent.map((item) => item.id)}`);
      if (rows.length !== texts.length || rows.some((row) => row.status !== "sent")) throw new Error(`outbox: ${JSON.stringify(rows)}`);
    }, 30_000);

    const serviceMessages = (await (await cluster.whatsapp.request("GET", `/api/${accountId}/chats/${phone}@c.us/messages?limit=100`)).json()) as Array<{ id: string; body: string | null; fromMe: boolean }>;
    for (const [index, text] of texts.entries()) {
      const received = serviceMessages.filter((message) => message.fromMe && message.body === text);
      expect(received, `"${text}" reached WhatsApp once`).toHaveLength(1);
      const rows = await queryRows<{ wa_message_id: string; attempts: number }>(
        cluster.database.db,
        sql`select m.wa_message_id, o.attempts from message m join outbox o on o.payload->>'messageId' = m.id where m.id = ${sent[index]?.id}`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.wa_message_id).toBe(received[0]?.id);
      expect(rows[0]?.attempts).toBe(1);
    }
  }, 90_000);

  it("20 concurrent duplicate webhooks split across both instances store one message and count it unread once", async () => {
    const { id: accountId } = await owner.at(a).account.addAccount.mutate({ name: "Duplicates" });
    const sender = await cluster.webhooks(accountId);
    const payload = messagePayload({ id: "wamid-duplicate-1", from: "5511933330003@c.us", body: "Sent twice, or twenty times" });
    // WAHA retries with the same event id; a second service (or a replay) may send the message under another.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => sender.post(index % 2 === 0 ? a : b, { id: `evt-duplicate-${index % 4}`, event: "message", payload })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));

    const messages = await queryRows<{ chat_id: string }>(cluster.database.db, sql`select chat_id from message where account_id = ${accountId} and wa_message_id = 'wamid-duplicate-1'`);
    expect(messages).toHaveLength(1);
    const [chat] = await queryRows<{ unread_count: number }>(cluster.database.db, sql`select unread_count from chat where id = ${messages[0]?.chat_id}`);
    expect(chat?.unread_count).toBe(1);
  });

  it("Better Auth's sign-in limit counts across instances: alternating between them buys no extra tries", async () => {
    const statuses: number[] = [];
    // Sign-in allows 3 tries per 10 s from one address; one instance alone would allow 2 + 2 here.
    for (const instance of [a, b, a, b]) {
      const response = await fetch(`${instance.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: clientOrigin },
        body: JSON.stringify({ email: "nobody@example.com", password: "not the password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});
