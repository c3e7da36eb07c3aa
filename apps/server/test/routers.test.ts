import { schema } from "@nexis/db";
import { listAudit } from "@nexis/db/queries/audit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Owner");
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("tRPC: account", () => {
  it("adds, lists (also as getAccounts), gets, renames and removes a linked number", async () => {
    const added = await owner.trpc.account.addAccount.mutate({ name: "Sales", phoneNumber: "+55 11 99999-0000" });
    expect(added).toMatchObject({ name: "Sales", phoneNumber: "+55 11 99999-0000" });
    // Its WhatsApp session started at once, on its way to showing a QR.
    expect(["STARTING", "SCAN_QR_CODE"]).toContain(added.status);
    expect(await owner.trpc.account.list.query()).toEqual([expect.objectContaining({ id: added.id })]);
    // Same rows under both names (compared without the status, which webhooks move meanwhile).
    const names = (rows: { id: string; name: string }[]) => rows.map(({ id, name }) => ({ id, name }));
    expect(names(await owner.trpc.getAccounts.query())).toEqual(names(await owner.trpc.account.list.query()));
    expect(await owner.trpc.account.get.query({ id: added.id })).toMatchObject({ name: "Sales" });

    expect(await owner.trpc.account.rename.mutate({ id: added.id, name: "Support" })).toMatchObject({ name: "Support" });
    expect(await owner.trpc.account.remove.mutate({ id: added.id })).toEqual({ id: added.id });
    expect(await owner.trpc.account.list.query()).toEqual([]);
    expect((await trpcError(owner.trpc.account.get.query({ id: added.id }))).data?.code).toBe("NOT_FOUND");

    const trail = await listAudit(server.database.db, { workspaceId: (await owner.trpc.workspace.get.query()).id, limit: 10 });
    expect(trail.map((entry) => entry.action).sort()).toEqual(["account.create", "account.remove", "account.rename"]);
    for (const entry of trail) expect(entry).toMatchObject({ actorUserId: owner.userId, targetId: added.id, ipAddress: "127.0.0.1" });
  });
});

describe("tRPC: workspace", () => {
  it("gets, lists, renames and switches the active workspace", async () => {
    const personal = await owner.trpc.workspace.get.query();
    expect(personal.role).toBe("owner");
    expect(await owner.trpc.workspace.rename.mutate({ name: "  Acme  " })).toMatchObject({ id: personal.id, name: "Acme" });

    // A second workspace the owner joins (invitations come with the member router).
    const [other] = await server.database.db
      .insert(schema.organization)
      .values({ id: crypto.randomUUID(), name: "Other", slug: `other-${Date.now()}`, createdAt: new Date() })
      .returning();
    if (!other) throw new Error("no workspace");
    await server.database.db
      .insert(schema.member)
      .values({ id: crypto.randomUUID(), organizationId: other.id, userId: owner.userId, role: "admin", createdAt: new Date() });

    const mine = await owner.trpc.workspace.listMine.query();
    expect(mine.map((workspace) => [workspace.name, workspace.role, workspace.active])).toEqual([
      ["Acme", "owner", true],
      ["Other", "admin", false],
    ]);
    expect(await owner.trpc.workspace.setActive.mutate({ workspaceId: other.id })).toEqual({ workspaceId: other.id });
    expect(await owner.trpc.workspace.get.query()).toMatchObject({ id: other.id, role: "admin" });
    await owner.trpc.workspace.setActive.mutate({ workspaceId: personal.id });
    expect((await owner.trpc.workspace.get.query()).id).toBe(personal.id);
  });
});

describe("tRPC: tag", () => {
  it("creates, renames, recolours, lists with counts and deletes", async () => {
    const vip = await owner.trpc.tag.create.mutate({ name: "VIP", color: "#FF0000" });
    const lead = await owner.trpc.tag.create.mutate({ name: "Lead" });
    expect(lead.color).toBe("#25D366");
    expect(await owner.trpc.tag.rename.mutate({ id: vip.id, name: "Gold" })).toMatchObject({ name: "Gold", color: "#FF0000" });
    expect(await owner.trpc.tag.setColor.mutate({ id: vip.id, color: "#00ff00" })).toMatchObject({ color: "#00ff00" });
    expect((await owner.trpc.tag.list.query()).map((tag) => [tag.name, tag.chatCount])).toEqual([
      ["Gold", 0],
      ["Lead", 0],
    ]);
    expect((await trpcError(owner.trpc.tag.create.mutate({ name: "Lead" }))).data?.code).toBe("CONFLICT");
    await owner.trpc.tag.delete.mutate({ id: lead.id });
    expect((await owner.trpc.tag.list.query()).map((tag) => tag.name)).toEqual(["Gold"]);
  });
});

describe("tRPC: folder", () => {
  it("creates in order, renames, reorders and deletes", async () => {
    const open = await owner.trpc.folder.create.mutate({ name: "Open" });
    const done = await owner.trpc.folder.create.mutate({ name: "Done" });
    expect([open.position, done.position]).toEqual([0, 1]);
    expect(await owner.trpc.folder.rename.mutate({ id: done.id, name: "Closed" })).toMatchObject({ name: "Closed" });
    const reordered = await owner.trpc.folder.reorder.mutate({ ids: [done.id, open.id] });
    expect(reordered.map((folder) => folder.name)).toEqual(["Closed", "Open"]);
    // A partial order changes nothing.
    expect((await trpcError(owner.trpc.folder.reorder.mutate({ ids: [open.id] }))).data?.code).toBe("NOT_FOUND");
    expect((await owner.trpc.folder.list.query()).map((folder) => folder.name)).toEqual(["Closed", "Open"]);
    await owner.trpc.folder.delete.mutate({ id: done.id });
    expect((await owner.trpc.folder.list.query()).map((folder) => folder.name)).toEqual(["Open"]);
  });
});

describe("tRPC: template", () => {
  it("creates, updates, lists and deletes", async () => {
    const greeting = await owner.trpc.template.create.mutate({ name: "Greeting", body: "Hi {{contact.name}}, I am {{agent.name}}.", shortcut: "hi" });
    expect(greeting).toMatchObject({ shortcut: "hi" });
    const updated = await owner.trpc.template.update.mutate({ id: greeting.id, body: "Hello {{contact.name}}!", shortcut: null });
    expect(updated).toMatchObject({ name: "Greeting", body: "Hello {{contact.name}}!", shortcut: null });
    expect(await owner.trpc.template.update.mutate({ id: greeting.id })).toMatchObject({ body: "Hello {{contact.name}}!" });
    expect(await owner.trpc.template.list.query()).toEqual([expect.objectContaining({ id: greeting.id })]);
    await owner.trpc.template.delete.mutate({ id: greeting.id });
    expect(await owner.trpc.template.list.query()).toEqual([]);
  });
});

describe("tRPC: subscription", () => {
  it("reports the Free plan and usage against its limits", async () => {
    const current = await owner.trpc.subscription.current.query();
    expect(current.plan).toMatchObject({ id: "free", limits: { accounts: 1 } });
    expect(current.subscription).toBeNull();
    expect(current.usage).toMatchObject({ members: 1, templates: 0 });
    expect(current.upgradeUrl).toMatch(/\/pricing$/);
  });
});

describe("role guard", () => {
  it("lets an agent read but not manage, and refuses FORBIDDEN", async () => {
    const agent = await server.signUp("Agent");
    const workspaceId = (await owner.trpc.workspace.get.query()).id;
    await server.database.db
      .insert(schema.member)
      .values({ id: crypto.randomUUID(), organizationId: workspaceId, userId: agent.userId, role: "agent", createdAt: new Date() });
    await agent.trpc.workspace.setActive.mutate({ workspaceId });
    expect(await agent.trpc.workspace.get.query()).toMatchObject({ id: workspaceId, role: "agent" });
    expect(await agent.trpc.tag.list.query()).toHaveLength(1);

    const refused = [
      () => agent.trpc.account.addAccount.mutate({ name: "Nope" }),
      () => agent.trpc.tag.create.mutate({ name: "Nope" }),
      () => agent.trpc.folder.create.mutate({ name: "Nope" }),
      () => agent.trpc.template.create.mutate({ name: "Nope", body: "x" }),
      () => agent.trpc.workspace.rename.mutate({ name: "Nope" }),
    ];
    for (const call of refused) expect((await trpcError(call())).data?.code).toBe("FORBIDDEN");
    expect((await owner.trpc.workspace.get.query()).name).not.toBe("Nope");
  });
});
