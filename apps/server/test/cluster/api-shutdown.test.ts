import { request as httpRequest } from "node:http";
import { queryRows } from "@nexis/db";
import { signWebhookBody } from "@nexis/waha-client/webhooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagePayload } from "../support/ingest-webhooks.ts";
import type { ApiProcess } from "../support/api-process.ts";
import { type ApiCluster, type ClusterUser, startApiCluster, type WebhookSender } from "./api-cluster.ts";
import { openLiveStream } from "./live-stream.ts";

const shutdownTimeoutMs = 5_000;

let cluster: ApiCluster;
let a: ApiProcess;
let b: ApiProcess;
let owner: ClusterUser;
let accountId: string;
let sender: WebhookSender;

beforeAll(async () => {
  cluster = await startApiCluster({ instances: 2, shutdownTimeoutMs });
  [a, b] = cluster.instances as [ApiProcess, ApiProcess];
  owner = await cluster.signUp(a, "Shutdown owner");
  accountId = (await owner.at(a).account.addAccount.mutate({ name: "Drained" })).id;
  sender = await cluster.webhooks(accountId);
}, 120_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

/**
 * A webhook POST whose body arrives in two parts, so it is in flight for as long as the test
 * wants: the first half now, the rest on `finish()`.
 */
function slowWebhook(instance: ApiProcess, body: string, hmacKey: string) {
  const half = Math.floor(body.length / 2);
  const request = httpRequest(`${instance.baseUrl}/webhooks/whatsapp`, {
    method: "POST",
    agent: false,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-webhook-timestamp": String(Date.now()),
      "x-webhook-hmac": signWebhookBody(body, hmacKey),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once("response", (incoming) => {
      let text = "";
      incoming.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      incoming.once("end", () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
    request.once("error", reject);
  });
  request.write(body.slice(0, half));
  return { response, finish: () => request.end(body.slice(half)) };
}

describe("SIGTERM on an API instance", () => {
  it("finishes the request in flight, ends the live stream with a retry hint, exits 0 in time; the client resumes on the other instance", async () => {

    // A client on A has seen one event (its EventSource holds that id).
    const stream = openLiveStream(a.baseUrl, owner.token);
    await stream.ready;
    await sender.post(b, { id: "evt-before", event: "message", payload: messagePayload({ id: "wamid-before", from: "5511944440001@c.us", body: "Before" }) });
    await stream.waitFor((events) => events.some((event) => event.type === "message"));
    const seenId = stream.lastEventId();

    // A webhook half-received by A when the signal comes.
    const inFlightBody = JSON.stringify({
      id: "evt-in-flight",
      event: "message",
      session: accountId,
      timestamp: Date.now(),
      engine: "NOWEB",
      payload: messagePayload({ id: "wamid-in-flight", from: "5511944440002@c.us", body: "In flight during the shutdown" }),
    });
    const inFlight = slowWebhook(a, inFlightBody, sender.hmacKey);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalledAt = Date.now();
    a.child.kill("SIGTERM");

    // The stream ends at once, with the SSE `retry:` field the browser reconnects after.
    await stream.ended;
    const hint = stream.blocks.at(-1);
    expect(hint?.retry).toBeGreaterThan(0);
    expect(Date.now() - signalledAt).toBeLessThan(shutdownTimeoutMs);

    // No new work: the listener is closed (or a reused connection hears 503 with Retry-After).
    const refused = await fetch(`${a.baseUrl}/health`).then(
      (response) => ({ status: response.status, retryAfter: response.headers.get("retry-after") }),
      () => ({ status: 0, retryAfter: null }),
    );
    expect([0, 503]).toContain(refused.status);
    if (refused.status === 503) expect(Number(refused.retryAfter)).toBeGreaterThan(0);

    // The request in flight still completes and is stored.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    inFlight.finish();
    expect((await inFlight.response).status).toBe(200);
    const stored = await queryRows<{ id: string }>(cluster.database.db, sql`select id from message where wa_message_id = 'wamid-in-flight'`);
    expect(stored).toHaveLength(1);

    // Then A exits 0 within its deadline.
    expect(await a.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(shutdownTimeoutMs + 2_000);

    // Meanwhile B ingests another message; the client reconnects to B with its Last-Event-ID.
    await sender.post(b, { id: "evt-after", event: "message", payload: messagePayload({ id: "wamid-after", from: "5511944440003@c.us", body: "After" }) });
    const resumed = openLiveStream(b.baseUrl, owner.token, seenId ?? undefined);
    const messagesOf = (events: ReturnType<typeof resumed.events>) => events.filter((event) => event.type === "message");
    await resumed.waitFor((events) => messagesOf(events).length >= 2);
    const chatOf = async (waMessageId: string) =>
      (await queryRows<{ chat_id: string }>(cluster.database.db, sql`select chat_id from message where wa_message_id = ${waMessageId}`))[0]?.chat_id;
    expect(messagesOf(resumed.events()).map((event) => event.chatId)).toEqual([await chatOf("wamid-in-flight"), await chatOf("wamid-after")]);
    resumed.close();
  });

  it("cuts a request still in flight at SHUTDOWN_TIMEOUT_MS and exits 0", async () => {
    const body = JSON.stringify({ id: "evt-stuck", event: "message", session: accountId, timestamp: Date.now(), engine: "NOWEB", payload: messagePayload({ id: "wamid-stuck", from: "5511955550001@c.us", body: "Never finished" }) });
    // Its second half never comes.
    const stuck = slowWebhook(b, body, sender.hmacKey);
    const cut = stuck.response.then(() => "answered", () => "cut");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalledAt = Date.now();
    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
    const took = Date.now() - signalledAt;
    expect(took).toBeGreaterThanOrEqual(shutdownTimeoutMs - 100);
    expect(took).toBeLessThan(shutdownTimeoutMs + 3_000);
    expect(await cut).toBe("cut");
  });
});
