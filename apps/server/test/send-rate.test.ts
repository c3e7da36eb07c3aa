import { queryRows, schema } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRaw } from "./support/procedures.ts";
import { eventually, linkNumber } from "./support/sandbox-number.ts";
import { startTestServer, trpcError, type TestServer, type TestUser } from "./support/server.ts";

/** A linked number's own send rate (issue 7): set by managers, honoured by the outbound queue. */
describe("account.setSendRate", () => {
  let server: TestServer;
  let owner: TestUser;
  let agent: TestUser;
  let stranger: TestUser;
  let accountId: string;
  let workspaceId: string;

  beforeAll(async () => {
    server = await startTestServer();
    [owner, agent, stranger] = await Promise.all([server.signUp("Rate owner"), server.signUp("Rate agent"), server.signUp("Rate stranger")]);
    accountId = await linkNumber(server, owner, "Paced");
    const [row] = await queryRows<{ workspace_id: string }>(server.database.db, sql`select workspace_id from whatsapp_account where id = ${accountId}`);
    workspaceId = row?.workspace_id ?? "";
    await server.database.db.insert(schema.member).values({ id: crypto.randomUUID(), organizationId: workspaceId, userId: agent.userId, role: "agent", createdAt: new Date() });
    await agent.trpc.workspace.setActive.mutate({ workspaceId });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  it("starts on the server default and is set by the owner, shown by get and list, and audited", async () => {
    expect((await owner.trpc.account.get.query({ id: accountId })).messagesPerMinute).toBeNull();
    const updated = await owner.trpc.account.setSendRate.mutate({ id: accountId, messagesPerMinute: 12 });
    expect(updated.messagesPerMinute).toBe(12);
    expect((await owner.trpc.account.get.query({ id: accountId })).messagesPerMinute).toBe(12);
    expect((await owner.trpc.account.list.query()).find((account) => account.id === accountId)?.messagesPerMinute).toBe(12);
    const audits = await queryRows<{ metadata: { messagesPerMinute: number } }>(
      server.database.db,
      sql`select metadata from audit_log where workspace_id = ${workspaceId} and action = 'account.setSendRate'`,
    );
    expect(audits.map((audit) => audit.metadata.messagesPerMinute)).toEqual([12]);
    // null goes back to the server default.
    expect((await owner.trpc.account.setSendRate.mutate({ id: accountId, messagesPerMinute: null })).messagesPerMinute).toBeNull();
  });

  it("refuses an agent and changes nothing", async () => {
    const refused = await trpcError(agent.trpc.account.setSendRate.mutate({ id: accountId, messagesPerMinute: 5 }));
    expect(refused.data?.code).toBe("FORBIDDEN");
    expect((await owner.trpc.account.get.query({ id: accountId })).messagesPerMinute).toBeNull();
  });

  it("answers NOT_FOUND for another workspace's number", async () => {
    const refused = await trpcError(stranger.trpc.account.setSendRate.mutate({ id: accountId, messagesPerMinute: 5 }));
    expect(refused.data?.code).toBe("NOT_FOUND");
    expect((await owner.trpc.account.get.query({ id: accountId })).messagesPerMinute).toBeNull();
  });

  it.each([0, 61, "x", 2.5, -1])("refuses %j with a 400 naming the field", async (value) => {
    const response = await callRaw(server.baseUrl, "account.setSendRate", "mutation", { id: accountId, messagesPerMinute: value }, { authorization: `Bearer ${owner.token}` });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain("messagesPerMinute");
  });

  it("holds a number at 2 a minute: of 3 quick sends, 2 go out and the third waits about half a minute", async () => {
    await owner.trpc.account.setSendRate.mutate({ id: accountId, messagesPerMinute: 2 });
    await server.whatsapp.request("POST", `/api/sandbox/${accountId}/inbound`, { from: "5511977776666", text: "Oi" });
    const chat = await eventually(async () => {
      const found = (await owner.trpc.chat.list.query({ accountId })).items.find((item) => item.waChatId === "5511977776666@c.us");
      if (!found) throw new Error("no chat yet");
      return found;
    });
    const startedAt = Date.now();
    const sent: { id: string }[] = [];
    for (const text of ["Um", "Dois", "Três"]) sent.push(await owner.trpc.message.send.mutate({ chatId: chat.id, text }));
    const outboxOf = async (messageId: string) =>
      (await queryRows<{ status: string; attempts: number; next_attempt_at: Date }>(
        server.database.db,
        sql`select status, attempts, next_attempt_at from outbox where payload->>'messageId' = ${messageId}`,
      ))[0];
    // Two are delivered, one is put back with a due time in the future.
    const states = await eventually(async () => {
      const rows = await Promise.all(sent.map((message) => outboxOf(message.id)));
      const done = rows.filter((row) => row?.status === "sent");
      const waiting = rows.filter((row) => row?.status === "pending" && new Date(row.next_attempt_at).getTime() > Date.now());
      if (done.length !== 2 || waiting.length !== 1) throw new Error(`outbox: ${JSON.stringify(rows.map((row) => row?.status))}`);
      return { done, waiting };
    });
    const dueIn = new Date(states.waiting[0]?.next_attempt_at ?? 0).getTime() - startedAt;
    // 2 a minute: the next token comes ~30 s after the first send (not the default 30 a minute's ~2 s).
    expect(dueIn).toBeGreaterThan(20_000);
    expect(dueIn).toBeLessThan(65_000);
    // Waiting for the bucket is not a failed try.
    expect(states.waiting[0]?.attempts).toBe(0);
    const messages = await eventually(async () => {
      const rows = await Promise.all(sent.map((message) => owner.trpc.message.get.query({ id: message.id })));
      if (rows.filter((message) => message.ack >= 1).length !== 2) throw new Error("not acknowledged yet");
      return rows;
    });
    expect(messages.filter((message) => message.ack === 0 && !message.failureReason)).toHaveLength(1);
  });
});
