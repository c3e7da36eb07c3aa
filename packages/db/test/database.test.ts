import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, schema } from "../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing.ts";

const target = process.env.DATABASE_URL ? "postgres" : "pglite";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL);
  // Tenant rows reference their workspace (a Better Auth organization).
  await database.db.insert(schema.organization).values(
    ["ws_1", "ws_a", "ws_b", "ws_gone"].map((id) => ({ id, name: id, slug: id, createdAt: new Date() })),
  );
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

describe(`database on ${target}`, () => {
  it("connects to the kind of database the environment names", async () => {
    expect(database.kind).toBe(target);
    const now = await database.ping();
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("creates every table SPEC.md lists from empty", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const tables = rows.map((row) => row.table_name).sort();
    expect(tables).toEqual(
      [
        "user",
        "session",
        "account",
        "verification",
        "organization",
        "member",
        "invitation",
        "audit_log",
        "billing_checkout",
        "billing_event",
        "billing_order",
        "chat",
        "chat_note",
        "chat_tag",
        "contact",
        "folder",
        "media",
        "media_trash",
        "message",
        "outbox",
        "processed_webhook_event",
        "subscription",
        "tag",
        "template",
        "whatsapp_account",
        "workspace_sso",
      ].sort(),
    );
  });

  it("applying migrations again changes nothing", async () => {
    await expect(database.migrate()).resolves.toBeUndefined();
  });

  it("stores a WhatsApp message once, however often its webhook is replayed", async () => {
    const { db } = database;
    const [account] = await db
      .insert(schema.whatsappAccount)
      .values({ workspaceId: "ws_1", name: "Sales" })
      .returning();
    if (!account) throw new Error("no account");
    expect(account.status).toBe("STOPPED");
    const [chat] = await db
      .insert(schema.chat)
      .values({ workspaceId: "ws_1", accountId: account.id, waChatId: "5511999999999@c.us" })
      .returning();
    if (!chat) throw new Error("no chat");

    const incoming = {
      workspaceId: "ws_1",
      accountId: account.id,
      chatId: chat.id,
      waMessageId: "false_5511999999999@c.us_3EB0ABC",
      fromMe: false,
      body: "Hi!",
      timestamp: 1_764_000_000,
    };
    const first = await db.insert(schema.message).values(incoming).onConflictDoNothing().returning();
    const replay = await db.insert(schema.message).values(incoming).onConflictDoNothing().returning();
    expect(first).toHaveLength(1);
    expect(replay).toHaveLength(0);
    const stored = await db
      .select()
      .from(schema.message)
      .where(and(eq(schema.message.accountId, account.id), eq(schema.message.waMessageId, incoming.waMessageId)));
    expect(stored).toHaveLength(1);
  });

  it("refuses a second folder, tag or template with the same name in one workspace, but not in another", async () => {
    const { db } = database;
    await db.insert(schema.tag).values({ workspaceId: "ws_a", name: "VIP" });
    await expect(db.insert(schema.tag).values({ workspaceId: "ws_a", name: "VIP" })).rejects.toThrow();
    await expect(db.insert(schema.tag).values({ workspaceId: "ws_b", name: "VIP" })).resolves.toBeDefined();
    await db.insert(schema.folder).values({ workspaceId: "ws_a", name: "Leads" });
    await expect(db.insert(schema.folder).values({ workspaceId: "ws_a", name: "Leads" })).rejects.toThrow();
    await db.insert(schema.template).values({ workspaceId: "ws_a", name: "Greeting", body: "Hello!" });
    await expect(db.insert(schema.template).values({ workspaceId: "ws_a", name: "Greeting", body: "Hi" })).rejects.toThrow();
  });

  it("refuses a tenant row for a workspace that does not exist, and deletes a workspace's rows with it", async () => {
    const { db } = database;
    await expect(db.insert(schema.tag).values({ workspaceId: "ws_missing", name: "Orphan" })).rejects.toThrow();
    const [account] = await db.insert(schema.whatsappAccount).values({ workspaceId: "ws_gone", name: "Doomed" }).returning();
    await db.insert(schema.tag).values({ workspaceId: "ws_gone", name: "Doomed" });
    await db.delete(schema.organization).where(eq(schema.organization.id, "ws_gone"));
    expect(await db.select().from(schema.tag).where(eq(schema.tag.workspaceId, "ws_gone"))).toEqual([]);
    expect(await db.select().from(schema.whatsappAccount).where(eq(schema.whatsappAccount.id, account?.id ?? ""))).toEqual([]);
  });

  it("records a processed webhook event once", async () => {
    const { db } = database;
    const event = { source: "whatsapp" as const, eventId: "evt_1" };
    expect(await db.insert(schema.processedWebhookEvent).values(event).onConflictDoNothing().returning()).toHaveLength(1);
    expect(await db.insert(schema.processedWebhookEvent).values(event).onConflictDoNothing().returning()).toHaveLength(0);
  });
});
