import { schema } from "@nexis/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatWith } from "./outbound-suite.ts";
import { eventually, scanCurrentQr } from "./support/sandbox-number.ts";
import { collectSse, type SseEvent } from "./support/sse.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let agent: TestUser;
let outsider: TestUser;

type LiveEvent = { type: string; accountId?: string; status?: string; chatId?: string; messageId?: string };

const streamUrl = () => `${server.baseUrl}/trpc/events.live`;
const live = (events: SseEvent[]) => events.filter((event) => event.id !== null).map((event) => event.data as LiveEvent);

/**
 * `user`'s live stream, read as it arrives: `ready` once connected (tRPC's first frame),
 * `waitFor` until the events so far satisfy a condition, `close` to end it.
 */
function openStream(user: TestUser, timeoutMs = 30_000) {
  let received: LiveEvent[] = [];
  let closed = false;
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const finished = collectSse(
    streamUrl(),
    { authorization: `Bearer ${user.token}` },
    (events) => {
      if (events.length > 0) connected();
      received = live(events);
      return closed;
    },
    timeoutMs,
  )
    // The server closing its connections ends a stream left open: not a failure of the test.
    .catch(() => [])
    .finally(connected);
  return {
    ready,
    events: () => received,
    waitFor: (condition: (events: LiveEvent[]) => boolean, waitMs = 20_000) =>
      eventually(async () => {
        if (!condition(received)) throw new Error(`not yet: ${JSON.stringify(received.map((event) => event.type))}`);
        return received;
      }, waitMs),
    /** Ends the stream at its next frame (or the timeout); nothing waits for it. */
    close() {
      closed = true;
      void finished;
    },
  };
}

beforeAll(async () => {
  server = await startTestServer();
  [owner, agent, outsider] = await Promise.all([server.signUp("QR owner"), server.signUp("QR agent"), server.signUp("QR outsider")]);
  // The agent joins the owner's workspace: members see the number's status, not its QR.
  const workspace = await owner.trpc.workspace.get.query();
  await server.database.db.insert(schema.member).values({ id: crypto.randomUUID(), organizationId: workspace.id, userId: agent.userId, role: "agent", createdAt: new Date() });
  await agent.trpc.workspace.setActive.mutate({ workspaceId: workspace.id });
  // Business: room for a second number (the rotation test links one more).
  await server.database.db.insert(schema.subscription).values({ workspaceId: workspace.id, plan: "business", status: "active" });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("QR and acks over the live stream", () => {
  let accountId = "";

  it("add a number → its QR arrives over the subscription (managers only) → sandbox scan → WORKING with the phone number", async () => {
    const ownerStream = openStream(owner);
    const agentStream = openStream(agent);
    const outsiderStream = openStream(outsider);
    await Promise.all([ownerStream.ready, agentStream.ready, outsiderStream.ready]);

    accountId = (await owner.trpc.account.addAccount.mutate({ name: "Streamed" })).id;
    // As the page does: the stream says there is a QR, the page fetches it, the phone scans it.
    await ownerStream.waitFor((events) => events.some((event) => event.type === "qr" && event.accountId === accountId));
    await scanCurrentQr(server, owner, accountId);
    const working = (events: LiveEvent[]) => events.some((event) => event.type === "account" && event.accountId === accountId && event.status === "WORKING");
    await ownerStream.waitFor(working);
    const account = await owner.trpc.account.get.query({ id: accountId });
    expect(account.status).toBe("WORKING");
    expect(account.phoneNumber).toMatch(/^\+\d{8,}$/);

    // The agent follows the number's status but never gets its QR; another workspace sees nothing of it.
    await agentStream.waitFor(working);
    expect(agentStream.events().filter((event) => event.type === "qr")).toEqual([]);
    expect(outsiderStream.events().filter((event) => event.accountId === accountId)).toEqual([]);
    for (const stream of [ownerStream, agentStream, outsiderStream]) stream.close();
  }, 60_000);

  it("announces each rotated QR while a number waits for its scan", async () => {
    const stream = openStream(owner);
    await stream.ready;
    const waiting = (await owner.trpc.account.addAccount.mutate({ name: "Rotating" })).id;
    // The sandbox shows a new QR every 2 s here (10× life).
    await stream.waitFor((events) => events.filter((event) => event.type === "qr" && event.accountId === waiting).length >= 2);
    stream.close();
    await owner.trpc.account.remove.mutate({ id: waiting });
  }, 40_000);

  it("send → the message's SERVER ack (ack ≥ 1) is announced over the subscription", async () => {
    const chat = await chatWith(server, owner, accountId, "5511922223333", "Oi");
    const stream = openStream(owner);
    await stream.ready;
    const sent = await owner.trpc.message.send.mutate({ chatId: chat.id, text: "Acompanhe o ack" });
    // Events carry ids: each one about the message is a cue to refetch it, until it shows SERVER.
    let seen = 0;
    const acked = await eventually(async () => {
      const about = stream.events().filter((event) => event.type === "message" && event.messageId === sent.id);
      if (about.length === seen) throw new Error("no new event about the message");
      seen = about.length;
      const message = await owner.trpc.message.get.query({ id: sent.id });
      if (message.ack < 1) throw new Error(`ack ${message.ack}`);
      return message;
    });
    expect(acked.ack).toBeGreaterThanOrEqual(1);
    stream.close();
  }, 40_000);
});
