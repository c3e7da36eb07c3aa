import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSse, type SseEvent } from "./support/sse.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";
import { linkNumber } from "./support/sandbox-number.ts";

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let aliceAccount: string;
let bobAccount: string;

/** Adds a number and links it through the sandbox, as the onboarding does. */
const linkedAccount = (user: TestUser, name: string) => linkNumber(server, user, name);

const streamUrl = (lastEventId?: string) =>
  `${server.baseUrl}/trpc/events.live${lastEventId ? `?input=${encodeURIComponent(JSON.stringify({ lastEventId }))}` : ""}`;

/** The tracked events (ours), without tRPC's `connected` and ping frames. */
const tracked = (events: SseEvent[]) => events.filter((event) => event.id !== null).map((event) => ({ id: event.id ?? "", data: event.data as { type: string; chatId?: string } }));

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = await Promise.all([server.signUp("Alice"), server.signUp("Bob")]);
  [aliceAccount, bobAccount] = await Promise.all([linkedAccount(alice, "Alice's number"), linkedAccount(bob, "Bob's number")]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("live events over SSE (events.live)", () => {
  it("streams a contact's message to its workspace, never to another", async () => {
    const aliceStream = collectSse(streamUrl(), { authorization: `Bearer ${alice.token}` }, (events) => tracked(events).some((event) => event.data.type === "message"));
    const bobStream = collectSse(streamUrl(), { authorization: `Bearer ${bob.token}` }, () => false, 3_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.whatsapp.request("POST", `/api/sandbox/${aliceAccount}/inbound`, { from: "5511988887777", text: "Live?" });
    const aliceEvents = tracked(await aliceStream);
    const message = aliceEvents.find((event) => event.data.type === "message");
    expect(message?.data.chatId).toBeTruthy();
    const chat = await alice.trpc.chat.get.query({ id: message?.data.chatId ?? "" });
    expect(chat.lastMessage?.body).toBe("Live?");
    // Bob's stream saw only his own workspace (nothing happened there).
    expect(tracked(await bobStream).filter((event) => event.data.type === "message")).toEqual([]);
    expect(bobAccount).not.toBe(aliceAccount);
  });

  it("refuses a stream without a session (an error event, then the stream ends)", async () => {
    const events = await collectSse(streamUrl(), {}, (received) => received.some((event) => event.event === "serialized-error"), 5_000);
    const error = events.find((event) => event.event === "serialized-error");
    expect(error?.data).toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect(tracked(events)).toEqual([]);
  });

  it("replays what a reconnecting client missed after its lastEventId", async () => {
    // One event seen live and remembered, then two more while disconnected.
    const live = collectSse(streamUrl(), { authorization: `Bearer ${alice.token}` }, (events) => tracked(events).some((event) => event.data.type === "message"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.whatsapp.request("POST", `/api/sandbox/${aliceAccount}/inbound`, { from: "5511977776666", text: "one" });
    const seen = tracked(await live);
    const lastSeen = seen.at(-1)?.id ?? "";
    expect(lastSeen).not.toBe("");
    await server.whatsapp.request("POST", `/api/sandbox/${aliceAccount}/inbound`, { from: "5511977776666", text: "two" });
    await server.whatsapp.request("POST", `/api/sandbox/${aliceAccount}/inbound`, { from: "5511977776666", text: "three" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const resumed = tracked(await collectSse(streamUrl(lastSeen), { authorization: `Bearer ${alice.token}` }, (events) => tracked(events).filter((event) => event.data.type === "message").length >= 2, 5_000));
    expect(resumed.filter((event) => event.data.type === "message")).toHaveLength(2);
    expect(resumed.every((event) => event.id > lastSeen)).toBe(true);
  });
});
