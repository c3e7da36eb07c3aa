import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhookAccount, messagePayload, type WebhookAccount } from "./support/ingest-webhooks.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let account: WebhookAccount;

const group = "120363000000001@g.us";
const me = { id: "15550001111@c.us", pushName: "Our shop" };
const ana = "5511930000001@c.us";
const bruno = "5511930000002@c.us";
let clock = 1_800_000_000;

/** A group event as the WhatsApp service sends it, each a second after the previous. */
async function groupEvent(id: string, event: string, payload: Record<string, unknown>) {
  const response = await account.post({ id, event, me, payload: { timestamp: ++clock, _data: {}, ...payload } });
  expect(response.status).toBe(200);
  return response;
}

const groupChat = async () => {
  const { items } = await owner.trpc.chat.list.query({ accountId: account.accountId });
  const chat = items.find((item) => item.waChatId === group);
  if (!chat) throw new Error("no group chat");
  return chat;
};

/** The group's system lines, oldest first. */
const systemMessages = async () => {
  const { items } = await owner.trpc.message.list.query({ chatId: (await groupChat()).id });
  return items.filter((message) => message.type === "system").sort((a, b) => a.timestamp - b.timestamp);
};
/** Their English sentences (the body, for search and older clients). */
const systemLines = async () => (await systemMessages()).map((message) => message.body);

const participants = async () =>
  (await queryRows<{ participants: { id: string; pn?: string | null; role: string }[] }>(server.database.db, sql`select participants from chat where wa_chat_id = ${group}`))[0]
    ?.participants;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Groups owner");
  account = await addWebhookAccount(server, owner);
  // Ana and Bruno wrote to us before: their names are known.
  await account.post({ id: "evt_group_ana_dm", event: "message", payload: messagePayload({ id: `false_${ana}_HI`, from: ana, body: "oi", data: { notifyName: "Ana" } }) });
  await account.post({ id: "evt_group_bruno_dm", event: "message", payload: messagePayload({ id: `false_${bruno}_HI`, from: bruno, body: "olá", data: { notifyName: "Bruno" } }) });
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe("group events (group.v2.*) through the webhook", () => {
  it("join: the group chat appears with its subject and members", async () => {
    await groupEvent("evt_group_join", "group.v2.join", {
      group: { id: group, subject: "Clientes VIP", description: "", participants: [{ id: me.id, role: "superadmin" }, { id: ana, role: "participant" }] },
    });
    expect(await groupChat()).toMatchObject({ name: "Clientes VIP", isGroup: true });
    expect(await participants()).toEqual([
      { id: me.id, pn: null, role: "superadmin" },
      { id: ana, pn: null, role: "participant" },
    ]);
    expect(await systemLines()).toEqual(["You joined this group"]);
  });

  it("participants: adds, promotions, leaves become member changes and WhatsApp's system lines, once each", async () => {
    const added = { type: "join", group: { id: group }, participants: [{ id: bruno, role: "participant" }], _data: { author: me.id } };
    await groupEvent("evt_group_add_bruno", "group.v2.participants", added);
    // Ana adds someone known only by a hidden id, with the phone beside it.
    await groupEvent("evt_group_add_carla", "group.v2.participants", {
      type: "join",
      group: { id: group },
      participants: [{ id: "99990001@lid", pn: "5511930000003@c.us", role: "participant" }],
      _data: { author: ana },
    });
    await groupEvent("evt_group_promote", "group.v2.participants", { type: "promote", group: { id: group }, participants: [{ id: bruno, role: "admin" }] });
    await groupEvent("evt_group_leave", "group.v2.participants", { type: "leave", group: { id: group }, participants: [{ id: ana, role: "left" }] });
    // A replay of the first (same event id): nothing more.
    await account.post({ id: "evt_group_add_bruno", event: "group.v2.participants", me, payload: { timestamp: clock, ...added } });

    expect(await systemLines()).toEqual(["You joined this group", "You added Bruno", "Ana added +5511930000003", "Bruno is now an admin", "Ana left"]);
    // The same lines as data, which the inbox renders in each agent's language.
    expect((await systemMessages()).map((message) => message.system)).toEqual([
      { kind: "joined", by: null },
      { kind: "members", change: "add", by: { me: true }, people: [{ name: "Bruno" }] },
      { kind: "members", change: "add", by: { name: "Ana" }, people: [{ name: "+5511930000003" }] },
      { kind: "members", change: "promote", by: null, people: [{ name: "Bruno" }] },
      { kind: "members", change: "remove", by: null, people: [{ name: "Ana" }] },
    ]);
    expect(await participants()).toEqual([
      { id: me.id, pn: null, role: "superadmin" },
      { id: "99990001@lid", pn: "5511930000003@c.us", role: "participant" },
      { id: bruno, pn: null, role: "admin" },
    ]);
  });

  it("update: a new subject renames the chat; settings changes are shown", async () => {
    await groupEvent("evt_group_subject", "group.v2.update", { group: { id: group, subject: "Clientes VIP 2026" }, _data: { author: bruno } });
    await groupEvent("evt_group_announce", "group.v2.update", { group: { id: group, announce: true } });
    expect((await groupChat()).name).toBe("Clientes VIP 2026");
    expect((await systemLines()).slice(-2)).toEqual(["Bruno changed the group name to “Clientes VIP 2026”", "Only admins can send messages to this group now"]);
    // System lines move the group up the list but are never unread.
    expect((await groupChat()).unreadCount).toBe(0);
  });

  it("leave: we left; our membership goes and the line says so", async () => {
    await groupEvent("evt_group_we_leave", "group.v2.leave", { group: { id: group } });
    expect((await systemLines()).at(-1)).toBe("You left this group");
    expect((await participants())?.some((member) => member.id === me.id)).toBe(false);
  });

  it("refuses (400) a group event it cannot read, and stores nothing of it", async () => {
    const response = await account.post({ id: "evt_group_bad", event: "group.v2.participants", me, payload: { type: "join", timestamp: 1, group: { id: "not-a-group" }, participants: [], _data: {} } });
    expect(response.status).toBe(400);
    expect((await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from processed_webhook_event where event_id = 'evt_group_bad'`))[0]?.n).toBe(0);
  });
});
