import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IncomingChatMessage, isStoreConflict, storeIncomingMessages } from "../src/queries/ingest.ts";
import { queryRows, schema } from "../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing.ts";

const target = process.env.DATABASE_URL ? "postgres" : "pglite";
let database: TestDatabase;
let accountId: string;
const workspaceId = "ws_ingest";

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL);
  await database.db.insert(schema.organization).values({ id: workspaceId, name: "Ingest", slug: "ingest", createdAt: new Date() });
  const [account] = await database.db.insert(schema.whatsappAccount).values({ workspaceId, name: "Number" }).returning({ id: schema.whatsappAccount.id });
  accountId = account?.id ?? "";
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

let sequence = 0;
/** A customer's text message, as the ingest hands it over. */
function incoming(from: string, overrides: Partial<IncomingChatMessage> = {}): IncomingChatMessage {
  sequence++;
  return {
    eventId: `evt_${sequence}`,
    workspaceId,
    accountId,
    waChatId: from,
    isGroup: false,
    pushName: null,
    phoneNumber: `+${from.split("@")[0]}`,
    lid: null,
    waMessageId: `false_${from}_KEY${sequence}`,
    fromMe: false,
    author: null,
    type: "chat",
    body: `message ${sequence}`,
    ack: 1,
    timestamp: 1_800_000_000 + sequence,
    media: null,
    quoted: null,
    ...overrides,
  };
}

async function chatOf(waChatId: string) {
  const [row] = await database.db
    .select({ id: schema.chat.id, unread: schema.chat.unreadCount, lastMessageAt: schema.chat.lastMessageAt, contactId: schema.chat.contactId })
    .from(schema.chat)
    .where(eq(schema.chat.waChatId, waChatId));
  return row;
}

const messagesIn = async (chatId: string) => (await database.db.select({ id: schema.message.id }).from(schema.message).where(eq(schema.message.chatId, chatId))).length;

describe(`storing incoming messages in one statement, on ${target}`, () => {
  it("creates the contact and chat, counts unread, and changes nothing for a replay or a twin event of the same message", async () => {
    const first = incoming("5511900000001@c.us", { pushName: "Ana" });
    const second = incoming("5511900000001@c.us");
    const mine = incoming("5511900000001@c.us", { fromMe: true });
    const stored = await storeIncomingMessages(database.db, [first, second, mine]);
    expect(stored.claimed).toEqual(new Set([first.eventId, second.eventId, mine.eventId]));
    expect(stored.inserted.map((row) => row.waMessageId).sort()).toEqual([first.waMessageId, second.waMessageId, mine.waMessageId].sort());
    const chat = await chatOf(first.waChatId);
    // Our own message from the phone moves the chat but is not unread.
    expect(chat?.unread).toBe(2);
    expect(new Date(chat?.lastMessageAt ?? 0).getTime()).toBe(mine.timestamp * 1000);
    const [contact] = await database.db.select().from(schema.contact).where(eq(schema.contact.id, chat?.contactId ?? ""));
    expect(contact).toMatchObject({ waId: first.waChatId, pushName: "Ana", phoneNumber: "+5511900000001" });

    const replay = await storeIncomingMessages(database.db, [first, second]);
    expect(replay).toEqual({ claimed: new Set(), inserted: [] });
    // `message` and `message.any` name the same message under two event ids: stored once.
    const twin = await storeIncomingMessages(database.db, [{ ...second, eventId: "evt_twin" }]);
    expect(twin.claimed).toEqual(new Set(["evt_twin"]));
    expect(twin.inserted).toEqual([]);
    expect((await chatOf(first.waChatId))?.unread).toBe(2);
    expect(await messagesIn(chat?.id ?? "")).toBe(3);
  });

  it("keeps a known name when a message brings none, takes a new one, and stores a message id once per batch", async () => {
    const from = "5511900000002@c.us";
    await storeIncomingMessages(database.db, [incoming(from, { pushName: "Bruno" })]);
    const nameless = incoming(from);
    await storeIncomingMessages(database.db, [nameless, { ...incoming(from), waMessageId: nameless.waMessageId }]);
    const [kept] = await database.db.select({ pushName: schema.contact.pushName }).from(schema.contact).where(eq(schema.contact.waId, from));
    expect(kept?.pushName).toBe("Bruno");
    await storeIncomingMessages(database.db, [incoming(from, { pushName: "Bruno Souza" })]);
    const [renamed] = await database.db.select({ pushName: schema.contact.pushName }).from(schema.contact).where(eq(schema.contact.waId, from));
    expect(renamed?.pushName).toBe("Bruno Souza");
    expect((await chatOf(from))?.unread).toBe(3);
  });

  it("stores a group's messages with their authors and no contact for the group", async () => {
    const group = "120363000000000001@g.us";
    await storeIncomingMessages(database.db, [
      incoming(group, { isGroup: true, phoneNumber: null, author: "5511900000003@c.us" }),
      incoming(group, { isGroup: true, phoneNumber: null, author: "5511900000004@c.us" }),
    ]);
    const chat = await chatOf(group);
    expect(chat).toMatchObject({ unread: 2, contactId: null });
    const authors = await database.db.select({ author: schema.message.author }).from(schema.message).where(eq(schema.message.chatId, chat?.id ?? ""));
    expect(authors.map((row) => row.author).sort()).toEqual(["5511900000003@c.us", "5511900000004@c.us"]);
  });
});

// PGlite serves one connection: two batches never overlap there.
describe.runIf(target === "postgres")("two batches creating the same chat at once (Postgres, two connections)", () => {
  it("fails the later one as a store conflict, which stores everything when run again", async () => {
    const from = "5511900000005@c.us";
    const early = incoming(from);
    const late = incoming(from);
    let lateStore: Promise<unknown> | undefined;
    await database.db.transaction(async (tx) => {
      await storeIncomingMessages(tx, [early]);
      // The other connection's statement waits on the chat this transaction is creating.
      lateStore = storeIncomingMessages(database.db, [late]).catch((error: unknown) => error);
      for (let tries = 0; tries < 200; tries++) {
        const [waiting] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
        if ((waiting?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    const failure = await lateStore;
    expect(isStoreConflict(failure)).toBe(true);
    // Nothing of the failed statement stayed: its event is not claimed, so running it again stores it.
    const again = await storeIncomingMessages(database.db, [late]);
    expect(again.claimed).toEqual(new Set([late.eventId]));
    const chat = await chatOf(from);
    expect(chat?.unread).toBe(2);
    expect(await messagesIn(chat?.id ?? "")).toBe(2);
  });
});
