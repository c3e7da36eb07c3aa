import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhookAccount, messagePayload, type WebhookAccount } from "./support/ingest-webhooks.ts";
import { linkNumber } from "./support/sandbox-number.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let account: WebhookAccount;
const customer = "5511977776666@c.us";

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Reply owner");
  await owner.trpc.workspace.create.mutate({ name: "Replies" });
  account = await addWebhookAccount(server, owner);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function chatOf(waChatId: string) {
  const chats = await owner.trpc.chat.list.query({ accountId: account.accountId });
  const chat = chats.items.find((item) => item.waChatId === waChatId);
  if (!chat) throw new Error(`no chat for ${waChatId}`);
  return chat;
}

describe("replies", () => {
  it("keep what they quote: the stored original when we have it, WhatsApp's quote when we do not", async () => {
    const original = messagePayload({ id: `false_${customer}_QUOTEDKEY1`, from: customer, body: "Do you ship to Porto?" });
    expect((await account.post({ id: "evt-reply-1", event: "message", payload: original })).status).toBe(200);
    const reply = {
      ...messagePayload({ id: `false_${customer}_REPLYKEY1`, from: customer, body: "And to Lisbon?" }),
      replyTo: { id: "QUOTEDKEY1", participant: customer, body: "Do you ship to Porto?", hasMedia: false },
    };
    const orphan = {
      ...messagePayload({ id: `false_${customer}_REPLYKEY2`, from: customer, body: "Still waiting" }),
      replyTo: { id: "NEVERSTORED", participant: "15550001111@c.us", body: "Your order left today", hasMedia: false },
    };
    // A quote we cannot read never costs the message itself.
    const unreadable = { ...messagePayload({ id: `false_${customer}_REPLYKEY3`, from: customer, body: "Hello?" }), replyTo: { nonsense: true } };
    for (const [index, payload] of [reply, orphan, unreadable].entries()) {
      expect((await account.post({ id: `evt-reply-${index + 2}`, event: "message", payload })).status).toBe(200);
    }

    const chat = await chatOf(customer);
    const { items } = await owner.trpc.message.list.query({ chatId: chat.id });
    const byBody = (body: string) => items.find((item) => item.body === body);
    expect(byBody("And to Lisbon?")).toMatchObject({ replyToId: byBody("Do you ship to Porto?")?.id, quoted: { key: "QUOTEDKEY1", fromMe: false, body: "Do you ship to Porto?" } });
    expect(byBody("Still waiting")).toMatchObject({ replyToId: null, quoted: { key: "NEVERSTORED", fromMe: null, body: "Your order left today" } });
    expect(byBody("Hello?")).toMatchObject({ replyToId: null, quoted: null });
    expect(byBody("Do you ship to Porto?")).toMatchObject({ replyToId: null, quoted: null });
  });

  it("sent from the inbox show their quote at once and in the list, and must quote the same chat", async () => {
    const agent = await server.signUp("Replying agent");
    await agent.trpc.workspace.create.mutate({ name: "Linked replies" });
    const id = await linkNumber(server, agent, "Linked");
    for (const from of ["+5511911112222", "+5511933334444"]) await server.whatsapp.request("POST", `/api/sandbox/${id}/inbound`, { from, text: `Hi from ${from}` });
    let chats: Awaited<ReturnType<typeof agent.trpc.chat.list.query>>["items"] = [];
    for (let tries = 0; tries < 100 && chats.length < 2; tries++) {
      chats = (await agent.trpc.chat.list.query({ accountId: id })).items;
      if (chats.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [first, second] = chats;
    if (!first || !second) throw new Error("two chats expected");
    const question = (await agent.trpc.message.list.query({ chatId: first.id })).items[0];
    const elsewhere = (await agent.trpc.message.list.query({ chatId: second.id })).items[0];
    if (!question || !elsewhere) throw new Error("inbound messages expected");

    const sent = await agent.trpc.message.send.mutate({ chatId: first.id, text: "Yes, we do", replyToId: question.id });
    expect(sent).toMatchObject({ replyToId: question.id, quoted: { fromMe: false, body: question.body } });
    const listed = (await agent.trpc.message.list.query({ chatId: first.id })).items.find((item) => item.id === sent.id);
    expect(listed).toMatchObject({ replyToId: question.id, quoted: { body: question.body } });

    await expect(agent.trpc.message.send.mutate({ chatId: first.id, text: "Wrong chat", replyToId: elsewhere.id })).rejects.toThrow(/same chat/);
    // Another workspace's message id is simply not found.
    await expect(owner.trpc.message.send.mutate({ chatId: (await chatOf(customer)).id, text: "Foreign quote", replyToId: question.id })).rejects.toThrow();
  });
});
