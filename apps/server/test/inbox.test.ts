import { queryRows, schema } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChats, type SeededChats } from "./support/chats.ts";
import { startTestServer, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let workspaceId: string;
let accountId: string;
let seeded: SeededChats;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Owner");
  workspaceId = (await owner.trpc.workspace.get.query()).id;
  accountId = (await owner.trpc.account.addAccount.mutate({ name: "Main" })).id;
  seeded = await seedChats(server.database.db, { workspaceId, accountId, count: 7, messagesInFirst: 5 });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("chat.list and chat.get", () => {
  it("pages through every chat newest first with a cursor, each once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await owner.trpc.chat.list.query({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((chat) => chat.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(seeded.chatIds);
  });

  it("shows each chat's contact, tags and last message", async () => {
    const chat = await owner.trpc.chat.get.query({ id: seeded.chatIds[0] ?? "" });
    expect(chat).toMatchObject({ name: "Customer 0", contact: { name: "Customer 0", phoneNumber: "+55119000000" }, tags: [] });
    expect(chat.lastMessage).toMatchObject({ body: "Message 4" });
  });

  it("filters by unread, folder, tag, archived and number", async () => {
    const [first, second, third] = seeded.chatIds as [string, string, string];
    const unread = await owner.trpc.chat.list.query({ unread: true });
    expect(unread.items.every((chat) => chat.unreadCount > 0)).toBe(true);
    expect(unread.items).toHaveLength(3);

    const folder = await owner.trpc.folder.create.mutate({ name: "Open" });
    expect(await owner.trpc.folder.addChats.mutate({ id: folder.id, chatIds: [first, second, first] })).toEqual({ moved: 2 });
    expect((await owner.trpc.chat.list.query({ folderId: folder.id })).items.map((chat) => chat.id)).toEqual([first, second]);
    expect((await owner.trpc.chat.list.query({ folderId: null })).items).toHaveLength(5);

    const tag = await owner.trpc.tag.create.mutate({ name: "VIP" });
    await owner.trpc.tag.attach.mutate({ id: tag.id, chatIds: [second, third] });
    await owner.trpc.tag.attach.mutate({ id: tag.id, chatIds: [second] }); // twice changes nothing
    expect((await owner.trpc.chat.list.query({ tagId: tag.id })).items.map((chat) => chat.id)).toEqual([second, third]);
    expect((await owner.trpc.tag.list.query()).find((row) => row.id === tag.id)?.chatCount).toBe(2);
    expect((await owner.trpc.chat.get.query({ id: second })).tags).toEqual([{ id: tag.id, name: "VIP", color: "#25D366" }]);

    await queryRows(server.database.db, sql`update chat set archived = true where id = ${third}`);
    expect((await owner.trpc.chat.list.query({ archived: true })).items.map((chat) => chat.id)).toEqual([third]);
    expect((await owner.trpc.chat.list.query({})).items.map((chat) => chat.id)).not.toContain(third);
    expect((await owner.trpc.chat.list.query({ accountId })).items).toHaveLength(6);

    await owner.trpc.tag.detach.mutate({ id: tag.id, chatIds: [second] });
    expect((await owner.trpc.chat.list.query({ tagId: tag.id, archived: true })).items.map((chat) => chat.id)).toEqual([third]);
    await owner.trpc.folder.removeChats.mutate({ id: folder.id, chatIds: [first] });
    expect((await owner.trpc.chat.list.query({ folderId: folder.id })).items.map((chat) => chat.id)).toEqual([second]);

    // Deleting the folder returns its chats to the inbox.
    await owner.trpc.folder.delete.mutate({ id: folder.id });
    expect((await owner.trpc.chat.get.query({ id: second })).folderId).toBeNull();
  });

  it("refuses a filter or batch naming something the workspace does not have", async () => {
    const unknown = crypto.randomUUID();
    expect((await trpcError(owner.trpc.chat.list.query({ tagId: unknown }))).data?.code).toBe("NOT_FOUND");
    const folder = await owner.trpc.folder.create.mutate({ name: "Later" });
    const error = await trpcError(owner.trpc.folder.addChats.mutate({ id: folder.id, chatIds: [seeded.chatIds[0] ?? "", unknown] }));
    expect(error.data?.code).toBe("NOT_FOUND");
    expect((await owner.trpc.chat.list.query({ folderId: folder.id })).items).toEqual([]);
  });
});

describe("message.list and message.get", () => {
  it("pages through a chat's messages newest first", async () => {
    const chatId = seeded.chatIds[0] ?? "";
    const first = await owner.trpc.message.list.query({ chatId, limit: 2 });
    expect(first.items.map((message) => message.body)).toEqual(["Message 4", "Message 3"]);
    const rest = await owner.trpc.message.list.query({ chatId, limit: 10, cursor: first.nextCursor ?? "" });
    expect(rest.items.map((message) => message.body)).toEqual(["Message 2", "Message 1", "Message 0"]);
    expect(rest.nextCursor).toBeNull();
    expect(await owner.trpc.message.get.query({ id: seeded.messageIds[0] ?? "" })).toMatchObject({ body: "Message 4", chatId });
    expect((await owner.trpc.message.list.query({ chatId: seeded.chatIds[1] ?? "" })).items).toEqual([]);
  });
});

describe("template.render", () => {
  it("fills contact, agent and custom variables and reports the missing ones", async () => {
    const template = await owner.trpc.template.create.mutate({
      name: "Order",
      body: "Hi {{contact.name}}, {{agent.name}} here. Order {{order}} ships {{day}}.",
      shortcut: "order",
    });
    const rendered = await owner.trpc.template.render.query({ id: template.id, chatId: seeded.chatIds[0] ?? "", variables: { order: "#42" } });
    expect(rendered).toEqual({
      text: "Hi Customer 0, Owner here. Order #42 ships {{day}}.",
      variables: ["contact.name", "agent.name", "order", "day"],
      missing: ["day"],
    });
    const withoutChat = await owner.trpc.template.render.query({ id: template.id });
    expect(withoutChat.missing).toEqual(["contact.name", "order", "day"]);
  });
});

describe("workspace.create and workspace.delete", () => {
  it("creates a second workspace, refuses a wrong confirmation, and deletes it with everything in it", async () => {
    const user = await server.signUp("Deleter");
    const personal = await user.trpc.workspace.get.query();
    const second = await user.trpc.workspace.create.mutate({ name: "Side project" });
    expect(second).toMatchObject({ name: "Side project", role: "owner" });
    expect((await user.trpc.workspace.get.query()).id).toBe(second.id);
    await user.trpc.tag.create.mutate({ name: "Doomed" });

    expect((await trpcError(user.trpc.workspace.delete.mutate({ confirmName: "Side" }))).data?.code).toBe("BAD_REQUEST");
    expect((await user.trpc.workspace.get.query()).id).toBe(second.id);

    expect(await user.trpc.workspace.delete.mutate({ confirmName: "Side project" })).toEqual({ deletedId: second.id, activeWorkspaceId: personal.id });
    expect((await user.trpc.workspace.get.query()).id).toBe(personal.id);
    expect((await user.trpc.workspace.listMine.query()).map((workspace) => workspace.id)).toEqual([personal.id]);
    const leftovers = await queryRows(server.database.db, sql`select count(*)::int as n from tag where workspace_id = ${second.id}`);
    expect(leftovers).toEqual([{ n: 0 }]);
  });
});

describe("subscription usage", () => {
  it("counts this month's messages sent through NexisChat, not those typed on the phone or received", async () => {
    const chatId = seeded.chatIds[1] ?? "";
    const base = { workspaceId, accountId, chatId, fromMe: true, timestamp: Math.floor(Date.now() / 1000) };
    await server.database.db.insert(schema.message).values([
      { ...base, waMessageId: "true_out_1", sentByUserId: owner.userId },
      { ...base, waMessageId: "true_out_2", sentByUserId: owner.userId },
      { ...base, waMessageId: "true_phone_1" },
      { ...base, waMessageId: "true_old_1", sentByUserId: owner.userId, createdAt: new Date(Date.UTC(2020, 0, 15)) },
    ]);
    const { usage, plan } = await owner.trpc.subscription.current.query();
    expect(usage.monthlyOutboundMessages).toBe(2);
    expect(plan.limits.monthlyOutboundMessages).toBe(1000);
  });
});

describe("over the plan after a downgrade", () => {
  it("keeps the numbers linked first working and makes the others read-only, deleting nothing", async () => {
    const [extra] = await server.database.db
      .insert(schema.whatsappAccount)
      .values({ workspaceId, name: "Second number (from a Pro month)", status: "WORKING" })
      .returning();
    const extraChats = await seedChats(server.database.db, { workspaceId, accountId: extra?.id ?? "", count: 1 });
    const error = await trpcError(owner.trpc.message.send.mutate({ chatId: extraChats.chatIds[0] ?? "", text: "hello" }));
    expect(error.data?.code).toBe("FORBIDDEN");
    expect((error.data as { cause?: { code: string; limit: number } }).cause).toMatchObject({ code: "PLAN_LIMIT", limit: 1 });
    expect(error.message).toMatch(/read-only until you upgrade/);
    // The first number is within the plan: it is refused only because it is not connected.
    expect((await trpcError(owner.trpc.message.send.mutate({ chatId: seeded.chatIds[0] ?? "", text: "hello" }))).data?.code).toBe("PRECONDITION_FAILED");
    expect((await owner.trpc.chat.list.query({ accountId: extra?.id ?? "" })).items).toHaveLength(1);
  });
});

describe("inbox behaviours", () => {
  it("assigns (mine, unassigned), archives, pins, mutes and marks unread", async () => {
    const [first, second] = seeded.chatIds as [string, string];
    await owner.trpc.chat.assign.mutate({ id: first, userId: owner.userId });
    expect((await owner.trpc.chat.list.query({ assignee: "me" })).items.map((chat) => chat.id)).toEqual([first]);
    expect((await owner.trpc.chat.list.query({ assignee: "unassigned" })).items.map((chat) => chat.id)).not.toContain(first);
    const stranger = await server.signUp("Stranger");
    expect((await trpcError(owner.trpc.chat.assign.mutate({ id: first, userId: stranger.userId }))).data?.code).toBe("NOT_FOUND");
    await owner.trpc.chat.assign.mutate({ id: first, userId: null });
    expect((await owner.trpc.chat.get.query({ id: first })).assigneeUserId).toBeNull();

    await owner.trpc.chat.setPinned.mutate({ id: second, pinned: true });
    expect((await owner.trpc.chat.list.query({ pinned: true })).items.map((chat) => chat.id)).toEqual([second]);
    await owner.trpc.chat.setMuted.mutate({ id: second, muted: true });
    expect(await owner.trpc.chat.get.query({ id: second })).toMatchObject({ muted: true, pinnedAt: expect.any(String) });

    await owner.trpc.chat.markRead.mutate({ id: second });
    expect((await owner.trpc.chat.markUnread.mutate({ id: second })).unreadCount).toBe(1);
    await owner.trpc.chat.setArchived.mutate({ id: second, archived: true });
    expect((await owner.trpc.chat.list.query({ archived: true })).items.map((chat) => chat.id)).toContain(second);
    await owner.trpc.chat.setArchived.mutate({ id: second, archived: false });
  });

  it("keeps private notes: the team reads them, agents delete only their own", async () => {
    const chatId = seeded.chatIds[0] ?? "";
    const note = await owner.trpc.note.create.mutate({ chatId, body: "VIP customer, answer before noon." });
    const agent = await server.signUp("Note agent");
    await server.database.db.insert(schema.member).values({ id: crypto.randomUUID(), organizationId: workspaceId, userId: agent.userId, role: "agent", createdAt: new Date() });
    await agent.trpc.workspace.setActive.mutate({ workspaceId });
    expect((await agent.trpc.note.list.query({ chatId })).map((row) => [row.body, row.authorName])).toContainEqual(["VIP customer, answer before noon.", "Owner"]);
    const own = await agent.trpc.note.create.mutate({ chatId, body: "Called back." });
    expect((await trpcError(agent.trpc.note.delete.mutate({ id: note.id }))).data?.code).toBe("FORBIDDEN");
    // Only the author changes a note's words; the team sees it was edited.
    expect((await trpcError(agent.trpc.note.update.mutate({ id: note.id, body: "Not VIP" }))).data?.code).toBe("FORBIDDEN");
    await agent.trpc.note.update.mutate({ id: own.id, body: "Called back twice." });
    const edited = (await owner.trpc.note.list.query({ chatId })).find((row) => row.id === own.id);
    expect(edited).toMatchObject({ body: "Called back twice.", editedAt: expect.any(String) });
    await agent.trpc.note.delete.mutate({ id: own.id });
    await owner.trpc.note.delete.mutate({ id: note.id });
    expect(await owner.trpc.note.list.query({ chatId })).toEqual([]);
    // Notes never become messages.
    expect((await owner.trpc.message.list.query({ chatId, limit: 100 })).items.some((message) => message.body?.includes("VIP customer"))).toBe(false);
  });

  it("finds messages by stemmed words in Portuguese, Spanish and English, with marked snippets, and chats by contact", async () => {
    const chatId = seeded.chatIds[2] ?? "";
    const base = { workspaceId, accountId, chatId, fromMe: false, timestamp: Math.floor(Date.now() / 1000) };
    await server.database.db.insert(schema.message).values([
      { ...base, waMessageId: "false_search_1", body: "Meu pedido ainda não chegou, podem verificar?" },
      { ...base, waMessageId: "false_search_2", body: "¿Dónde están mis pedidos? Los pagué ayer." },
      { ...base, waMessageId: "false_search_3", body: "I ordered two shirts, where is my order?" },
      { ...base, waMessageId: "false_search_4", body: "<script>alert(1)</script> pedido" },
    ]);
    const portuguese = await owner.trpc.search.inbox.query({ query: "pedidos" });
    expect(portuguese.messages.map((hit) => hit.snippet.map((part) => part.text).join(""))).toEqual(
      expect.arrayContaining(["Meu pedido ainda não chegou, podem verificar?", "¿Dónde están mis pedidos? Los pagué ayer."]),
    );
    const hit = portuguese.messages.find((found) => found.snippet.some((part) => part.text.includes("Dónde")));
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(["pedidos"]);
    expect(hit).toMatchObject({ chatId, chatName: "Customer 2" });
    const english = await owner.trpc.search.inbox.query({ query: "orders" });
    expect(english.messages.map((found) => found.messageId)).toHaveLength(1);
    // Snippets are text parts, never HTML: the client renders them as text.
    const script = portuguese.messages.find((found) => found.snippet.some((part) => part.text.includes("<script>")));
    expect(script?.snippet[0]?.text).toContain("<script>alert(1)</script>");
    expect((await owner.trpc.search.inbox.query({ query: "Customer 3" })).chats.map((chat) => chat.chatId)).toEqual([seeded.chatIds[3]]);
    expect((await owner.trpc.search.inbox.query({ query: "nothing-like-this" })).messages).toEqual([]);
  });
});
