import { queryRows } from "@nexis/db";
import { signWebhookBody } from "@nexis/waha-client/webhooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretBox } from "../src/services/secrets/secret-box.ts";
import { eventually, scanCurrentQr } from "./support/sandbox-number.ts";
import { startTestServer, testAppOptions, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let accountId: string;
let hmacKey: string;

/** Posts a webhook as the WhatsApp service would: signed with the account's key, stamped now. */
function postWebhook(body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": signWebhookBody(body, hmacKey), ...headers },
    body,
  });
}

const count = async (query: ReturnType<typeof sql>) => ((await queryRows<{ n: number }>(server.database.db, query))[0]?.n ?? -1);

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Linker");
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("linking a number through the WhatsApp service (SANDBOX)", () => {
  it("adds an account whose session shows a QR; scanning it makes the account WORKING with its phone number", async () => {
    const added = await owner.trpc.account.addAccount.mutate({ name: "Sales" });
    accountId = added.id;
    const session = (await (await server.whatsapp.request("GET", `/api/sessions/${accountId}`)).json()) as { config: { metadata: Record<string, string> } };
    expect(session.config.metadata).toMatchObject({ "account.id": accountId });

    const qr = await eventually(async () => {
      const answer = await owner.trpc.account.qr.query({ id: accountId });
      if (!answer.value) throw new Error(`no QR yet (${answer.status})`);
      return answer;
    });
    expect(qr.status).toBe("SCAN_QR_CODE");

    await scanCurrentQr(server, owner, accountId);
    const linked = await eventually(async () => {
      const account = await owner.trpc.account.get.query({ id: accountId });
      if (account.status !== "WORKING" || !account.phoneNumber) throw new Error(`still ${account.status}`);
      return account;
    });
    expect(linked.phoneNumber).toMatch(/^\+1555\d+$/);
    expect(linked.waId).toBe(`${linked.phoneNumber?.slice(1)}@c.us`);

    // The webhook key is stored sealed; the test opens it with the server's secret to sign its own.
    const [row] = await queryRows<{ secret: string }>(server.database.db, sql`select webhook_secret as secret from whatsapp_account where id = ${accountId}`);
    hmacKey = createSecretBox(testAppOptions(server.database).authSecret ?? "", "whatsapp-webhook-key").open(row?.secret ?? "") ?? "";
    expect(hmacKey).toHaveLength(43);
  });

  it("stores a contact's message: the chat appears with one unread message", async () => {
    const sent = await server.whatsapp.request("POST", `/api/sandbox/${accountId}/inbound`, { from: "5511988887777", text: "Olá, tudo bem?" });
    expect(sent.status).toBeLessThan(300);
    const chat = await eventually(async () => {
      const { items } = await owner.trpc.chat.list.query({ accountId });
      const found = items.find((item) => item.waChatId === "5511988887777@c.us");
      if (!found) throw new Error("no chat yet");
      return found;
    });
    expect(chat).toMatchObject({ unreadCount: 1, lastMessage: { body: "Olá, tudo bem?", fromMe: false }, contact: { phoneNumber: "+5511988887777" } });
  });

  it("a replayed or duplicated webhook changes nothing the second time: one row, one unread", async () => {
    const payload = { id: "false_5511977776666@c.us_REPLAY1", timestamp: Math.floor(Date.now() / 1000), from: "5511977776666@c.us", to: "me@c.us", fromMe: false, body: "once", hasMedia: false, ack: 1 };
    const body = JSON.stringify({ id: "evt_replay_1", event: "message", session: accountId, payload });
    for (let attempt = 0; attempt < 100; attempt++) expect((await postWebhook(body)).status).toBe(200);
    // 100 concurrent deliveries of the same message under other event ids (as `message` and `message.any` both carry it).
    const duplicates = Array.from({ length: 100 }, (_, index) => JSON.stringify({ id: `evt_dup_${index}`, event: "message.any", session: accountId, payload }));
    const answers = await Promise.all(duplicates.map((duplicate) => postWebhook(duplicate)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));

    expect(await count(sql`select count(*)::int as n from message where wa_message_id = ${payload.id}`)).toBe(1);
    expect(await count(sql`select unread_count as n from chat where wa_chat_id = ${payload.from}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from processed_webhook_event where event_id like 'evt_dup_%' or event_id = 'evt_replay_1'`)).toBe(101);
  });

  it("moves acks forward only: a late DEVICE never overwrites READ", async () => {
    const ack = (id: string, value: number) => JSON.stringify({ id, event: "message.ack", session: accountId, payload: { id: "false_5511977776666@c.us_REPLAY1", ack: value } });
    await postWebhook(ack("evt_ack_read", 3));
    await postWebhook(ack("evt_ack_device", 2));
    expect(await count(sql`select ack as n from message where wa_message_id = 'false_5511977776666@c.us_REPLAY1'`)).toBe(3);
  });

  it("refuses (401) a tampered, unsigned, stale or foreign webhook and stores nothing", async () => {
    const body = JSON.stringify({ id: "evt_bad_1", event: "message", session: accountId, payload: { id: "false_1@c.us_BAD", timestamp: 1, from: "1@c.us", fromMe: false, body: "x" } });
    const refused = [
      await postWebhook(body.replace('"x"', '"y"'), { "x-webhook-hmac": signWebhookBody(body, hmacKey) }),
      await postWebhook(body, { "x-webhook-hmac": "" }),
      await postWebhook(body, { "x-webhook-hmac": signWebhookBody(body, "another key") }),
      await postWebhook(body, { "x-webhook-timestamp": String(Date.now() - 10 * 60_000) }),
      await postWebhook(body, { "x-webhook-timestamp": "yesterday" }),
      await postWebhook(body.replace(accountId, crypto.randomUUID())),
    ];
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await postWebhook("{not json")).status).toBe(400);
    expect(await count(sql`select count(*)::int as n from processed_webhook_event where event_id = 'evt_bad_1'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from message where wa_message_id = 'false_1@c.us_BAD'`)).toBe(0);
  });

  it("sends through the outbound queue: pending at once, then acks SERVER, DEVICE, READ by webhook; the same clientId sends once", async () => {
    const { items } = await owner.trpc.chat.list.query({ accountId });
    const chat = items.find((item) => item.waChatId === "5511988887777@c.us");
    if (!chat) throw new Error("no chat");
    const sent = await owner.trpc.message.send.mutate({ chatId: chat.id, text: "Olá! Como posso ajudar?", clientId: "client-send-1" });
    expect(sent).toMatchObject({ fromMe: true, ack: 0, body: "Olá! Como posso ajudar?", sentByUserId: owner.userId });
    const again = await owner.trpc.message.send.mutate({ chatId: chat.id, text: "Olá! Como posso ajudar?", clientId: "client-send-1" });
    expect(again.id).toBe(sent.id);

    const read = await eventually(async () => {
      const message = await owner.trpc.message.get.query({ id: sent.id });
      if (message.ack < 3) throw new Error(`ack ${message.ack}`);
      return message;
    });
    expect(read.waMessageId).toMatch(/^true_5511988887777@c\.us_3EB0/);
    expect(await count(sql`select count(*)::int as n from message where body = 'Olá! Como posso ajudar?'`)).toBe(1);
    const serviceMessages = (await (await server.whatsapp.request("GET", `/api/${accountId}/chats/5511988887777@c.us/messages?limit=50`)).json()) as { body: string }[];
    expect(serviceMessages.filter((message) => message.body === "Olá! Como posso ajudar?")).toHaveLength(1);

    await owner.trpc.chat.markRead.mutate({ id: chat.id });
    expect((await owner.trpc.chat.get.query({ id: chat.id })).unreadCount).toBe(0);
  });

  it("reacts, edits and deletes through WhatsApp; the stored message follows the service's webhooks", async () => {
    const { items } = await owner.trpc.chat.list.query({ accountId });
    const chat = items.find((item) => item.waChatId === "5511988887777@c.us");
    if (!chat) throw new Error("no chat");
    const page = await owner.trpc.message.list.query({ chatId: chat.id });
    const theirs = page.items.find((message) => !message.fromMe);
    const ours = page.items.find((message) => message.fromMe && message.ack >= 1);
    if (!theirs || !ours) throw new Error("no messages to act on");

    await owner.trpc.message.react.mutate({ id: theirs.id, emoji: "👍" });
    await eventually(async () => {
      if ((await owner.trpc.message.get.query({ id: theirs.id })).reactions.me !== "👍") throw new Error("no reaction yet");
    });
    expect((await trpcError(owner.trpc.message.edit.mutate({ id: theirs.id, text: "not mine" }))).data?.code).toBe("FORBIDDEN");

    await owner.trpc.message.edit.mutate({ id: ours.id, text: "Olá! Em que posso ajudar?" });
    const edited = await eventually(async () => {
      const message = await owner.trpc.message.get.query({ id: ours.id });
      if (!message.editedAt) throw new Error("not edited yet");
      return message;
    });
    expect(edited.body).toBe("Olá! Em que posso ajudar?");

    await owner.trpc.message.revoke.mutate({ id: ours.id });
    await eventually(async () => {
      if (!(await owner.trpc.message.get.query({ id: ours.id })).deletedAt) throw new Error("not deleted yet");
    });
    expect((await trpcError(owner.trpc.message.edit.mutate({ id: ours.id, text: "again" }))).data?.code).toBe("PRECONDITION_FAILED");
  });

  it("honours the WhatsApp service's 429: the message stays pending and is tried again after Retry-After", async () => {
    const { items } = await owner.trpc.chat.list.query({ accountId });
    const chat = items.find((item) => item.waChatId === "5511988887777@c.us");
    if (!chat) throw new Error("no chat");
    await server.whatsapp.request("POST", `/api/sandbox/${accountId}/rate-limit`, { perMinute: 1 });
    const first = await owner.trpc.message.send.mutate({ chatId: chat.id, text: "first" });
    await eventually(async () => {
      if ((await owner.trpc.message.get.query({ id: first.id })).ack < 1) throw new Error("first not sent");
    });
    const second = await owner.trpc.message.send.mutate({ chatId: chat.id, text: "second" });
    const job = await eventually(async () => {
      const [row] = await queryRows<{ last_error: string | null; next_attempt_at: Date; status: string }>(
        server.database.db,
        sql`select last_error, next_attempt_at, status from outbox where payload->>'messageId' = ${second.id}`,
      );
      if (!row?.last_error) throw new Error("not refused yet");
      return row;
    });
    expect(job.status).toBe("pending");
    expect(job.last_error).toMatch(/429/);
    expect(new Date(job.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect((await owner.trpc.message.get.query({ id: second.id })).ack).toBe(0);
    await server.whatsapp.request("POST", `/api/sandbox/${accountId}/rate-limit`, null);
  });

  it("follows a logout from the phone, and removing the account deletes its session", async () => {
    await server.whatsapp.request("POST", `/api/sandbox/${accountId}/logout`);
    await eventually(async () => {
      const account = await owner.trpc.account.get.query({ id: accountId });
      if (account.status === "WORKING") throw new Error("still WORKING");
      return account;
    });
    await owner.trpc.account.remove.mutate({ id: accountId });
    expect((await server.whatsapp.request("GET", `/api/sessions/${accountId}`)).status).toBe(404);
    expect((await trpcError(owner.trpc.account.get.query({ id: accountId }))).data?.code).toBe("NOT_FOUND");
  });

  it("keeps nothing when the WhatsApp service cannot be reached, and says what to do", async () => {
    const user = await server.signUp("Offline");
    await server.database.db.execute(sql`select 1`);
    const stopped = await server.whatsapp.request("GET", "/ping");
    expect(stopped.ok).toBe(true);
    await server.whatsapp.close();
    const error = await trpcError(user.trpc.account.addAccount.mutate({ name: "Unreachable" }));
    expect(error.data?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/not answering/);
    expect(await user.trpc.account.list.query()).toEqual([]);
  });
});
