import { describe, expect, test } from "bun:test";
import { api, createTestApp, startWebhookReceiver, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;

/** Without the phone's synced history, so chat lists show only what each test does. */
async function workingSession(name: string) {
  const app = createTestApp({ sandbox: { chatHistory: false } });
  await api(app, "POST", "/api/sessions", { name });
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === "SCAN_QR_CODE");
  return app;
}

describe("sending more than text on the sandbox", () => {
  test("reply, location, contact card, reaction and typing", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "rich", config: { webhooks: [{ url: receiver.url, events: ["message.reaction"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/rich")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/rich/scan");
    const chatId = "5511999999999@c.us";
    const inbound = (await (await api(app, "POST", "/api/sandbox/rich/inbound", { from: "5511999999999", text: "where are you?" })).json()) as Json;
    const inboundId = inbound.id as string;

    const reply = await api(app, "POST", "/api/reply", { session: "rich", chatId, text: "here", reply_to: inboundId });
    expect(reply.status).toBe(201);
    expect(await reply.json()).toMatchObject({ body: "here", replyTo: { participant: chatId, body: "where are you?", hasMedia: false } });
    expect((await api(app, "POST", "/api/reply", { session: "rich", chatId, text: "x", reply_to: "false_1@c.us_GONE" })).status).toBe(404);

    const location = await api(app, "POST", "/api/sendLocation", { session: "rich", chatId, latitude: 38.8937255, longitude: -77.0969763, title: "Our office" });
    expect(location.status).toBe(201);
    expect(await location.json()).toMatchObject({ location: { latitude: "38.8937255", longitude: "-77.0969763", live: false, name: "Our office" } });

    const card = await api(app, "POST", "/api/sendContactVcard", {
      session: "rich",
      chatId,
      contacts: [{ fullName: "Jane Doe", phoneNumber: "+91 11111 11111" }, { vcard: "BEGIN:VCARD\nVERSION:3.0\nFN:Joe\nEND:VCARD" }],
    });
    expect(card.status).toBe(201);
    const { vCards } = (await card.json()) as { vCards: string[] };
    expect(vCards).toHaveLength(2);
    expect(vCards[0]).toContain("FN:Jane Doe");
    expect(vCards[0]).toContain("waid=911111111111:+91 11111 11111");

    const reaction = await api(app, "PUT", "/api/reaction", { session: "rich", messageId: inboundId, reaction: "👍" });
    expect(reaction.status).toBe(200);
    await waitFor(() => receiver.events("message.reaction").length === 1, 2_000, "message.reaction");
    expect(receiver.events("message.reaction")[0]?.body.payload).toMatchObject({ fromMe: true, to: chatId, reaction: { text: "👍", messageId: inboundId } });

    expect((await api(app, "POST", "/api/startTyping", { session: "rich", chatId })).status).toBe(201);
    expect((await api(app, "POST", "/api/stopTyping", { session: "rich", chatId })).status).toBe(201);
  });
});

describe("edits, revokes and reactions", () => {
  test("we edit and revoke our messages through WAHA's routes; a contact's are refused", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "ed", config: { webhooks: [{ url: receiver.url, events: ["message.edited", "message.revoked"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/ed")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/ed/scan");
    const chatId = "5511999999999@c.us";
    const sent = (await (await api(app, "POST", "/api/sendText", { session: "ed", chatId, text: "typo" })).json()) as { id: string };
    const key = sent.id.split("_")[2];
    // The chat id may come raw or percent-encoded.
    const encoded = `/api/ed/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(sent.id)}`;
    expect((await api(app, "PUT", encoded, { text: "fixed" })).status).toBe(200);
    const read = await api(app, "GET", `/api/ed/chats/${chatId}/messages/${sent.id}`);
    expect(await read.json()).toMatchObject({ id: sent.id, body: "fixed" });
    expect((await api(app, "GET", `/api/ed/chats/5511000000000@c.us/messages/${sent.id}`)).status).toBe(404);
    expect((await api(app, "DELETE", encoded)).status).toBe(200);
    expect((await api(app, "GET", encoded)).status).toBe(404);
    await waitFor(() => receiver.received.length === 2, 2_000, "edited and revoked");
    expect(receiver.events("message.edited")[0]?.body.payload).toMatchObject({ body: "fixed", fromMe: true, editedMessageId: key });
    expect(receiver.events("message.revoked")[0]?.body.payload).toMatchObject({ revokedMessageId: key, before: { id: sent.id } });

    const inbound = (await (await api(app, "POST", "/api/sandbox/ed/inbound", { from: "5511999999999", text: "theirs" })).json()) as { id: string };
    expect((await api(app, "PUT", `/api/ed/chats/${chatId}/messages/${inbound.id}`, { text: "mine now" })).status).toBe(422);
    expect((await api(app, "GET", "/api/ed/chats/not-a-chat/messages/x")).status).toBe(400);
  });

  test("a simulated contact reacts, edits and revokes", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "ct", config: { webhooks: [{ url: receiver.url, events: ["message.reaction", "message.edited", "message.revoked"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/ct")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/ct/scan");
    const ours = (await (await api(app, "POST", "/api/sendText", { session: "ct", chatId: "5511977776666@c.us", text: "deal?" })).json()) as { id: string };
    const theirs = (await (await api(app, "POST", "/api/sandbox/ct/inbound", { from: "5511977776666", text: "ok" })).json()) as { id: string };
    expect((await api(app, "POST", "/api/sandbox/ct/reaction", { messageId: ours.id, reaction: "❤️" })).status).toBe(201);
    expect((await api(app, "POST", "/api/sandbox/ct/edit", { messageId: theirs.id, text: "ok!" })).status).toBe(201);
    expect((await api(app, "POST", "/api/sandbox/ct/edit", { messageId: ours.id, text: "no" })).status).toBe(422);
    expect((await api(app, "POST", "/api/sandbox/ct/revoke", { messageId: theirs.id })).status).toBe(201);
    expect((await api(app, "POST", "/api/sandbox/ct/revoke", { messageId: theirs.id })).status).toBe(404);
    await waitFor(() => receiver.received.length === 3, 2_000, "three events");
    expect(receiver.received.map((hook) => hook.body.event)).toEqual(["message.reaction", "message.edited", "message.revoked"]);
    expect(receiver.events("message.reaction")[0]?.body.payload).toMatchObject({
      fromMe: false,
      from: "5511977776666@c.us",
      reaction: { text: "❤️", messageId: ours.id },
    });
    expect(receiver.events("message.edited")[0]?.body.payload).toMatchObject({ fromMe: false, body: "ok!" });
  });
});

describe("presence", () => {
  test("a contact's presence reaches presence.update and GET /api/{session}/presence", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "pr", config: { webhooks: [{ url: receiver.url, events: ["presence.update"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/pr")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/pr/scan");
    const chatId = "5511966665555@c.us";
    expect(await (await api(app, "GET", `/api/pr/presence/${chatId}`)).json()).toEqual({ id: chatId, presences: [] });
    await api(app, "POST", "/api/sandbox/pr/presence", { from: "5511966665555", presence: "typing" });
    const expected = { id: chatId, presences: [{ participant: chatId, lastKnownPresence: "typing" }] };
    expect(await (await api(app, "GET", "/api/pr/presence")).json()).toEqual([expected]);
    await waitFor(() => receiver.events("presence.update").length === 1, 2_000, "presence.update");
    expect(receiver.events("presence.update")[0]?.body.payload).toEqual(expected);
    const offline = (await (await api(app, "POST", "/api/sandbox/pr/presence", { from: chatId, presence: "offline" })).json()) as Json;
    expect(offline).toMatchObject({ presences: [{ lastKnownPresence: "offline", lastSeen: expect.any(Number) }] });
  });

  test("setting our presence follows WAHA's rules on chatId", async () => {
    const app = await workingSession("me");
    await api(app, "POST", "/api/sandbox/me/scan");
    expect((await api(app, "POST", "/api/me/presence", { presence: "online" })).status).toBe(201);
    expect((await api(app, "POST", "/api/me/presence", { presence: "typing", chatId: "5511966665555@c.us" })).status).toBe(201);
    expect((await api(app, "POST", "/api/me/presence", { presence: "online", chatId: "5511966665555@c.us" })).status).toBe(400);
    expect((await api(app, "POST", "/api/me/presence", { presence: "typing" })).status).toBe(400);
    expect((await api(app, "POST", "/api/me/presence", { presence: "dancing" })).status).toBe(400);
  });
});

describe("chats and their messages", () => {
  test("list chats, the overview, a chat's messages with filters, and mark them read", async () => {
    const app = await workingSession("inbox");
    await api(app, "POST", "/api/sandbox/inbox/scan");
    const alice = "5511911111111@c.us";
    const bob = "5511922222222@c.us";
    await api(app, "POST", "/api/sandbox/inbox/inbound", { from: alice, text: "hi from alice" });
    await api(app, "POST", "/api/sendText", { session: "inbox", chatId: alice, text: "hi alice" });
    await api(app, "POST", "/api/sandbox/inbox/inbound", { from: bob, text: "bob 1" });
    await api(app, "POST", "/api/sandbox/inbox/inbound", { from: bob, text: "bob 2" });

    const chats = (await (await api(app, "GET", "/api/inbox/chats?sortBy=id&sortOrder=asc")).json()) as Json[];
    expect(chats.map((chat) => [chat.id, chat.unreadCount, chat.isGroup])).toEqual([
      [alice, 1, false],
      [bob, 2, false],
    ]);

    const overview = (await (await api(app, "GET", "/api/inbox/chats/overview")).json()) as Json[];
    expect(overview.map((chat) => chat.id)).toEqual([bob, alice]);
    expect(overview[0]).toMatchObject({ name: null, picture: null, lastMessage: { body: "bob 2" }, _chat: { unreadCount: 2 } });
    const filtered = await api(app, "POST", "/api/inbox/chats/overview", { pagination: { limit: 10, offset: 0 }, filter: { ids: [alice] } });
    expect(filtered.status).toBe(201);
    expect(((await filtered.json()) as Json[]).map((chat) => chat.id)).toEqual([alice]);

    const newestFirst = (await (await api(app, "GET", `/api/inbox/chats/${alice}/messages`)).json()) as Json[];
    expect(newestFirst.map((message) => message.body)).toEqual(["hi alice", "hi from alice"]);
    const ours = (await (await api(app, "GET", `/api/inbox/chats/${alice}/messages?filter.fromMe=true`)).json()) as Json[];
    expect(ours.map((message) => message.body)).toEqual(["hi alice"]);
    await waitFor(async () => {
      const read = (await (await api(app, "GET", `/api/inbox/chats/${alice}/messages?filter.ack=READ`)).json()) as Json[];
      return read.length === 1;
    }, 2_000, "our message READ");
    const paged = (await (await api(app, "GET", `/api/inbox/chats/${bob}/messages?sortOrder=asc&limit=1&offset=1`)).json()) as Json[];
    expect(paged.map((message) => message.body)).toEqual(["bob 2"]);

    const read = await api(app, "POST", `/api/inbox/chats/${bob}/messages/read`);
    expect(read.status).toBe(201);
    expect(((await read.json()) as { ids: string[] }).ids).toHaveLength(2);
    await api(app, "POST", "/api/sendSeen", { session: "inbox", chatId: alice });
    const after = (await (await api(app, "GET", "/api/inbox/chats")).json()) as Json[];
    expect(after.map((chat) => chat.unreadCount)).toEqual([0, 0]);
    expect((await api(app, "GET", "/api/inbox/chats?limit=0")).status).toBe(400);
  });
});

describe("archive, unread and clearing a chat", () => {
  test("archive gives chat.archive and shows in the chat list; unread and clear work", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp({ sandbox: { chatHistory: false } });
    await api(app, "POST", "/api/sessions", { name: "arch", config: { webhooks: [{ url: receiver.url, events: ["chat.archive"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/arch")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/arch/scan");
    const chatId = "5511933334444@c.us";
    await api(app, "POST", "/api/sandbox/arch/inbound", { from: chatId, text: "hello" });
    await api(app, "POST", `/api/arch/chats/${chatId}/messages/read`);

    expect((await api(app, "POST", `/api/arch/chats/${chatId}/archive`)).status).toBe(201);
    expect(await (await api(app, "GET", "/api/arch/chats")).json()).toMatchObject([{ id: chatId, archived: true, unreadCount: 0 }]);
    await api(app, "POST", `/api/arch/chats/${chatId}/unarchive`);
    await waitFor(() => receiver.events("chat.archive").length === 2, 2_000, "two chat.archive events");
    expect(receiver.events("chat.archive").map((hook) => hook.body.payload.archived)).toEqual([true, false]);

    expect((await api(app, "POST", `/api/arch/chats/${chatId}/unread`)).status).toBe(201);
    expect(await (await api(app, "GET", "/api/arch/chats")).json()).toMatchObject([{ archived: false, unreadCount: 1 }]);

    expect((await api(app, "DELETE", `/api/arch/chats/${chatId}/messages`)).status).toBe(200);
    expect(await (await api(app, "GET", `/api/arch/chats/${chatId}/messages`)).json()).toEqual([]);
  });
});

describe("sending twice with the same id", () => {
  test("answers the first message again: one message, one message.any (a retry after a timeout never sends twice)", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp({ sandbox: { chatHistory: false } });
    await api(app, "POST", "/api/sessions", { name: "once", config: { webhooks: [{ url: receiver.url, events: ["message.any"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/once")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/once/scan");
    const chatId = "5511977776666@c.us";
    const body = { session: "once", chatId, text: "only once", id: "3EB0RETRY0001" };
    const first = (await (await api(app, "POST", "/api/sendText", body)).json()) as Json;
    const second = (await (await api(app, "POST", "/api/sendText", body)).json()) as Json;
    expect(second.id).toBe(first.id);
    expect(first.id).toBe(`true_${chatId}_3EB0RETRY0001`);
    await waitFor(() => receiver.events("message.any").length >= 1, 2_000, "message.any");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.events("message.any")).toHaveLength(1);
    const listed = (await (await api(app, "GET", `/api/once/chats/${chatId}/messages`)).json()) as Json[];
    expect(listed.filter((message) => message.body === "only once")).toHaveLength(1);
  });
});
