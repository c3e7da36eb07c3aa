// bench/send-ack: how long a message takes from `message.send` to its SERVER ack (ack >= 1) as an
// agent's browser sees it: the real API app (tRPC over HTTP, the outbound queue with its production
// pacing, webhook ingest) and the real WhatsApp service (SANDBOX engine, its own Bun process), with
// the member's `events.live` SSE stream open; "seen" is when the refetch (`message.get`) prompted by
// a stream event first shows ack >= 1, as the inbox does. Baselines in the same run, interleaved
// send by send: a direct WAHA `sendText` HTTP round trip, and a direct `sendText` until the SERVER
// `message.ack` webhook reaches a bare receiver (the service's own floor for the same ack).
// Sends are spaced beyond the queue's jitter window, so each is a lone message (burst pacing
// applies only between consecutive sends). Goal: p95 < 300 ms.
// Knobs: BENCH_SENDS (default 60), BENCH_TIME_SCALE (the sandbox's WHATSAPP_SANDBOX_TIME_SCALE,
// default 0.1: SERVER ack 30 ms after a send instead of 300), DATABASE_URL (Postgres instead of
// PGlite), REDIS_URL (the queue on BullMQ and events over Redis pub/sub).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase } from "@nexis/db/testing";
import { WahaApiClient } from "@nexis/waha-client";
import { createApp } from "server/app";
import { createEventBus } from "server/events";
import { createOutboundWorker } from "server/outbound";
import { formatMs, percentiles } from "./support/latency.ts";
import { listen } from "./support/load.ts";
import { startWhatsAppService } from "./support/whatsapp-service.ts";

const sends = Number(process.env.BENCH_SENDS ?? 60);
const timeScale = process.env.BENCH_TIME_SCALE ?? "0.1";
const origin = "http://localhost:3000";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil<T>(check: () => Promise<T | null | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// ── The WhatsApp service, the database and the API as the server runs them ─────────────────────
const service = await startWhatsAppService({ WHATSAPP_ENGINE: "SANDBOX", WHATSAPP_SANDBOX_TIME_SCALE: timeScale, LOG_LEVEL: "error" });
// A failed run must not leave the service's process behind (it would also hold this one's stdout).
process.once("exit", () => {
  try {
    process.kill(service.pid, "SIGKILL");
  } catch {
    // Already stopped.
  }
});
const database = await createTestDatabase(process.env.DATABASE_URL);
const client = new WahaApiClient({ baseUrl: service.url, apiKey: "bench-key" });
const events = createEventBus({ redisUrl: process.env.REDIS_URL || undefined });
const link = { client, webhookUrl: "" };
// Production pacing (jitter 800 ms, typing before long texts); a rate well above the bench's pace.
const outbound = createOutboundWorker({ db: database.db, client, events, messagesPerMinute: 10_000, redisUrl: process.env.REDIS_URL || undefined, redisPrefix: `nexis-bench-${crypto.randomUUID()}` });
const app = createApp({ database, corsOrigins: [origin], authRateLimit: false, rateLimiter: null, whatsapp: link, outbound, events });
const api = await listen(app.fetch);
link.webhookUrl = `${api.url}/webhooks/whatsapp`;
outbound.start();

const signUp = await fetch(`${api.url}/api/auth/sign-up/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin },
  body: JSON.stringify({ name: "Bench", email: `send-ack-${Date.now()}@bench.example.com`, password: "correct horse battery" }),
});
const token = signUp.headers.get("set-auth-token");
if (!signUp.ok || !token) throw new Error(`sign-up answered ${signUp.status}`);
const auth = { authorization: `Bearer ${token}` };

async function trpc<T>(path: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
  const response =
    kind === "query"
      ? await fetch(`${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: auth })
      : await fetch(`${api.url}/trpc/${path}`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Links a number through the API and the sandbox phone, and has a contact write to it. */
const { id: accountId } = await trpc<{ id: string }>("account.addAccount", { name: "Bench" }, "mutation");
const qr = await waitUntil(async () => (await trpc<{ value: string | null }>("account.qr", { id: accountId }, "query")).value, "the QR");
await service.api("POST", `/api/sandbox/${accountId}/scan`, { value: qr });
await waitUntil(async () => (await trpc<{ status: string }>("account.get", { id: accountId }, "query")).status === "WORKING", "WORKING");
await service.api("POST", `/api/sandbox/${accountId}/inbound`, { from: "5511900001111", text: "Oi" });
const chat = await waitUntil(
  async () => (await trpc<{ items: { id: string; waChatId: string }[] }>("chat.list", { accountId }, "query")).items.find((item) => item.waChatId === "5511900001111@c.us"),
  "the chat",
);

// ── The member's live stream: message events by id, in arrival order ────────────────────────────
const streamed = new Map<string, number>();
const streamWaiters = new Set<() => void>();
const streamController = new AbortController();
const stream = await fetch(`${api.url}/trpc/events.live`, { headers: { ...auth, accept: "text/event-stream" }, signal: streamController.signal });
if (!stream.ok || !stream.body) throw new Error(`events.live answered ${stream.status}`);
void (async () => {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of stream.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const data = buffer.slice(0, boundary).split("\n").find((line) => line.startsWith("data:"));
        buffer = buffer.slice(boundary + 2);
        const event = data ? (JSON.parse(data.slice(5)) as { type?: string; messageId?: string }) : null;
        if (event?.type === "message" && event.messageId) streamed.set(event.messageId, (streamed.get(event.messageId) ?? 0) + 1);
        boundary = buffer.indexOf("\n\n");
      }
      for (const waiter of streamWaiters) waiter();
      streamWaiters.clear();
    }
  } catch {
    // Aborted at the end of the run.
  }
})();
const nextStreamChunk = () => new Promise<void>((resolve) => streamWaiters.add(resolve));

/**
 * Sends through the API; resolves with ms until a refetch prompted by a stream event shows
 * ack >= 1. Each event about the message starts a refetch at once, as the inbox's query
 * invalidation does (they may overlap).
 */
async function sendThroughApi(index: number): Promise<number> {
  const started = performance.now();
  const message = await trpc<{ id: string }>("message.send", { chatId: chat.id, text: `bench ${index}` }, "mutation");
  return new Promise<number>((resolve, reject) => {
    let handled = 0;
    let done = false;
    const check = () => {
      const seen = streamed.get(message.id) ?? 0;
      while (handled < seen) {
        handled += 1;
        void trpc<{ ack: number }>("message.get", { id: message.id }, "query").then((current) => {
          if (current.ack >= 1 && !done) {
            done = true;
            resolve(performance.now() - started);
          }
        }, reject);
      }
      if (done) return;
      if (performance.now() - started > 30_000) return reject(new Error(`no SERVER ack for ${message.id}`));
      void Promise.race([nextStreamChunk(), sleep(1_000)]).then(check);
    };
    check();
  });
}

// ── Baseline: a session of the service used directly, its webhooks to a bare receiver ──────────
const acked = new Map<string, () => void>();
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    response.end();
    const event = JSON.parse(body) as { event: string; payload: { id?: string; ack?: number } };
    if (event.event === "message.ack" && (event.payload.ack ?? 0) >= 1 && event.payload.id) acked.get(event.payload.id)?.();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
await client.createSession({ name: "direct", start: true, config: { webhooks: [{ url: receiverUrl, events: ["message.ack"] as never[] }] } });
const directQr = await waitUntil(async () => (await client.getQRValue("direct")).value, "the direct session's QR");
await service.api("POST", "/api/sandbox/direct/scan", { value: directQr });
await waitUntil(async () => (await client.getSession("direct")).status === "WORKING", "the direct session");

let roundTrips: number[] = [];
/** A direct sendText: its HTTP round trip, and ms until the SERVER ack webhook arrives. */
async function sendDirect(index: number): Promise<number> {
  const key = `3EB0BENCH${index.toString(16).toUpperCase().padStart(8, "0")}${Date.now().toString(16).toUpperCase()}`;
  const id = `true_5511900002222@c.us_${key}`;
  const ack = new Promise<void>((resolve) => acked.set(id, resolve));
  const started = performance.now();
  await client.sendText({ session: "direct", chatId: "5511900002222@c.us", text: `direct ${index}`, id: key });
  roundTrips.push(performance.now() - started);
  await ack;
  acked.delete(id);
  return performance.now() - started;
}

// ── The run: warm-up, then API and direct sends interleaved, each a lone message ────────────────
const warmup = 5;
const viaApi: number[] = [];
const direct: number[] = [];
for (let index = 0; index < warmup + sends; index++) {
  const order = index % 2 === 0 ? ["api", "direct"] : ["direct", "api"];
  for (const side of order) {
    const ms = side === "api" ? await sendThroughApi(index) : await sendDirect(index);
    if (index >= warmup) (side === "api" ? viaApi : direct).push(ms);
  }
  if (index === warmup - 1) roundTrips = [];
  // Past the queue's 800 ms jitter window: the next send of the number is a lone one again.
  await sleep(900);
}

const ours = percentiles(viaApi);
const ackFloor = percentiles(direct);
const roundTrip = percentiles(roundTrips);
console.log(`send → SERVER ack seen in events.live, ${sends} lone sends, sandbox time scale ${timeScale} (SERVER ack simulated ${Math.round(300 * Number(timeScale))} ms after a send)`);
console.log(`database: ${database.kind ?? "pglite"}, queue: ${outbound.backend}, events: ${events.backend}`);
console.log(`  API send → ack seen (stream + refetch)   p50 ${formatMs(ours.p50)}  p95 ${formatMs(ours.p95)}`);
console.log(`  direct sendText → SERVER ack webhook     p50 ${formatMs(ackFloor.p50)}  p95 ${formatMs(ackFloor.p95)}`);
console.log(`  direct sendText HTTP round trip          p50 ${formatMs(roundTrip.p50)}  p95 ${formatMs(roundTrip.p95)}`);
console.log(`  ratio p95 API / direct ack: ${(ours.p95 / ackFloor.p95).toFixed(2)}×; overhead p95 over direct ack: ${formatMs(ours.p95 - ackFloor.p95)}`);
console.log(`  goal p95 < 300 ms: ${ours.p95 < 300 ? "met" : "NOT met"}`);

streamController.abort();
await outbound.stop();
receiver.close();
await api.close();
await events.close();
await service.stop();
await database.dispose();
process.exit(ours.p95 < 300 ? 0 : 1);
