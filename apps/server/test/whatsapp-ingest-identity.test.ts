import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhookAccount, messagePayload, type WebhookAccount } from "./support/ingest-webhooks.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let account: WebhookAccount;
let sequence = 0;

/** A contact's message as a webhook, under a fresh event and message id. */
async function receive(from: string, body: string, data: Record<string, unknown> = {}) {
  sequence++;
  const response = await account.post({ id: `evt_identity_${sequence}`, event: "message", payload: messagePayload({ id: `false_${from}_ID${sequence}`, from, body, data }) });
  expect(response.status).toBe(200);
}

const chatsOf = async (...waChatIds: string[]) => {
  const { items } = await owner.trpc.chat.list.query({ accountId: account.accountId });
  return items.filter((chat) => waChatIds.includes(chat.waChatId));
};

const contactsOf = (...waIds: string[]) =>
  queryRows<{ id: string; wa_id: string; lid: string | null; phone_number: string | null; push_name: string | null }>(
    server.database.db,
    sql`select id, wa_id, lid, phone_number, push_name from contact where account_id = ${account.accountId} and (wa_id in ${waIds} or lid in ${waIds})`,
  );

const bodiesOf = async (chatId: string) => (await owner.trpc.message.list.query({ chatId })).items.map((message) => message.body).sort();

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Identity owner");
  account = await addWebhookAccount(server, owner);
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe("one person, two WhatsApp ids (@c.us and @lid)", () => {
  it("arrives as @c.us, then as @lid with the mapping (NOWEB's remoteJidAlt): one contact, one chat", async () => {
    const pn = "5511920000001@c.us";
    const lid = "88880001@lid";
    await receive(pn, "by phone");
    await receive(lid, "by hidden id", { key: { remoteJid: lid, remoteJidAlt: "5511920000001@s.whatsapp.net", fromMe: false } });
    // Later, the hidden id alone: we know who it is now.
    await receive(lid, "hidden id alone");

    const chats = await chatsOf(pn, lid);
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ waChatId: pn, unreadCount: 3, contact: { phoneNumber: "+5511920000001" } });
    expect(await bodiesOf(chats[0]?.id ?? "")).toEqual(["by hidden id", "by phone", "hidden id alone"]);
    const contacts = await contactsOf(pn, lid);
    expect(contacts).toMatchObject([{ wa_id: pn, lid }]);
  });

  it("arrives as @lid, then as @c.us, then with both (GOWS's SenderAlt): the two chats merge, unread counts add up, notes move", async () => {
    const pn = "5511920000002@c.us";
    const lid = "88880002@lid";
    await receive(lid, "hidden 1");
    await receive(lid, "hidden 2");
    await receive(pn, "phone 1");
    const before = await chatsOf(pn, lid);
    expect(before.map((chat) => chat.waChatId).sort()).toEqual([pn, lid]);
    const lidChat = before.find((chat) => chat.waChatId === lid);
    await owner.trpc.note.create.mutate({ chatId: lidChat?.id ?? "", body: "VIP customer" });

    await receive(lid, "hidden 3, with the phone beside", { Info: { Chat: lid, Sender: "88880002:4@lid", SenderAlt: "5511920000002:4@s.whatsapp.net", IsFromMe: false } });

    const after = await chatsOf(pn, lid);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ waChatId: pn, unreadCount: 4 });
    const merged = after[0]?.id ?? "";
    expect(await bodiesOf(merged)).toEqual(["hidden 1", "hidden 2", "hidden 3, with the phone beside", "phone 1"]);
    expect((await owner.trpc.note.list.query({ chatId: merged })).map((note) => note.body)).toEqual(["VIP customer"]);
    expect(await contactsOf(pn, lid)).toMatchObject([{ wa_id: pn, lid, phone_number: "+5511920000002" }]);
  });

  it("a chat known only by its @lid keeps its id when the phone id is revealed (it is renamed, not copied)", async () => {
    const pn = "5511920000003@c.us";
    const lid = "88880003@lid";
    await receive(lid, "who am I");
    const [hidden] = await chatsOf(lid);
    await receive(lid, "now you know", { key: { remoteJid: lid, senderPn: pn } });
    const chats = await chatsOf(pn, lid);
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ id: hidden?.id, waChatId: pn, unreadCount: 2, contact: { phoneNumber: "+5511920000003" } });
    expect(await contactsOf(pn, lid)).toHaveLength(1);
  });

  it("one message reported under both ids is stored once, and an ack finds it in either form", async () => {
    const pn = "5511920000004@c.us";
    const lid = "88880004@lid";
    // Before the phone is known: stored under the hidden id, then renamed once it is revealed.
    await account.post({ id: "evt_identity_twice_a", event: "message", payload: messagePayload({ id: `false_${lid}_EARLY`, from: lid, body: "early" }) });
    await receive(lid, "revealing", { key: { remoteJid: lid, remoteJidAlt: pn } });
    // The same messages again, now under the phone id (another engine event, a resync).
    await account.post({ id: "evt_identity_twice_b", event: "message.any", payload: messagePayload({ id: `false_${pn}_EARLY`, from: pn, body: "early" }) });
    // A new one under the hidden id alone, then the same under the phone id.
    await account.post({ id: "evt_identity_twice_c", event: "message", payload: messagePayload({ id: `false_${lid}_LATER`, from: lid, body: "later" }) });
    await account.post({ id: "evt_identity_twice_d", event: "message.any", payload: messagePayload({ id: `false_${pn}_LATER`, from: pn, body: "later" }) });
    // An ack naming our own message by the hidden id.
    await account.post({ id: "evt_identity_twice_e", event: "message.any", payload: { ...messagePayload({ id: `true_${pn}_OURS`, from: "15550001111@c.us", fromMe: true, body: "ours" }), to: pn } });
    await account.post({ id: "evt_identity_twice_f", event: "message.ack", payload: { id: `true_${lid}_OURS`, from: lid, to: lid, ack: 3, ackName: "READ" } });

    const [chat] = await chatsOf(pn, lid);
    const { items } = await owner.trpc.message.list.query({ chatId: chat?.id ?? "" });
    expect(items.map((message) => message.body).sort()).toEqual(["early", "later", "ours", "revealing"]);
    expect(items.filter((message) => message.body !== "revealing").map((message) => message.waMessageId).sort()).toEqual([`false_${pn}_EARLY`, `false_${pn}_LATER`, `true_${pn}_OURS`]);
    expect(items.find((message) => message.body === "ours")?.ack).toBe(3);
    expect(chat?.unreadCount).toBe(3);
  });

  it("a replayed merge changes nothing more", async () => {
    const pn = "5511920000002@c.us";
    const envelope = {
      id: "evt_identity_replayed_merge",
      event: "message",
      payload: messagePayload({ id: "false_88880002@lid_REPLAY", from: "88880002@lid", body: "replayed", data: { key: { remoteJid: "88880002@lid", remoteJidAlt: pn } } }),
    };
    await Promise.all(Array.from({ length: 10 }, () => account.post(envelope)));
    const chats = await chatsOf(pn, "88880002@lid");
    expect(chats).toHaveLength(1);
    expect(chats[0]?.unreadCount).toBe(5);
  });
});
