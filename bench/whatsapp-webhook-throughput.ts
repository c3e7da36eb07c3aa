// bench/whatsapp-webhook-throughput: webhook deliveries per second from the WhatsApp service to a
// local receiver, without and with HMAC signing, against bare HTTP POST loops (Bun's fetch, the
// client the service uses, and Node's; one request at a time, as the service's in-order queue
// sends) to the same receiver, with the same body, in the same run.
// The service runs as its own process. To measure delivery alone, the receiver refuses while the
// events are injected (`/api/sandbox/{s}/presence`), so they pile up in the outbox behind the first
// one's retry; then it accepts, and the rate is taken from its first to its last accepted event.
// Knobs: BENCH_EVENTS (default 3000 per variant).
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import { inParallel, startWhatsAppService } from "./support/whatsapp-service.ts";

const events = Number(process.env.BENCH_EVENTS ?? 3_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts accepted events per session; `accepting` false answers 503 (the service retries). */
const receiver = { accepting: true, sample: "", first: new Map<string, number>(), last: new Map<string, number>(), count: new Map<string, number>(), signed: 0 };
const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};
const server = createServer((request, response) => {
  void readBody(request).then((body) => {
    if (!receiver.accepting) {
      response.writeHead(503).end();
      return;
    }
    const session = (JSON.parse(body) as { session?: string }).session ?? "bare";
    if (!receiver.sample) receiver.sample = body;
    const now = performance.now();
    if (!receiver.first.has(session)) receiver.first.set(session, now);
    receiver.last.set(session, now);
    receiver.count.set(session, (receiver.count.get(session) ?? 0) + 1);
    if (request.headers["x-webhook-hmac"]) receiver.signed += 1;
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;

const rate = (session: string) => ((receiver.count.get(session) ?? 0) - 1) / (((receiver.last.get(session) ?? 0) - (receiver.first.get(session) ?? 0)) / 1000);

/** A bare loop: one POST at a time of a real envelope, its session renamed so the receiver counts it apart. */
async function nodeLoop(body: string): Promise<number> {
  for (let index = 0; index < events; index++) {
    const response = await fetch(receiverUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    await response.arrayBuffer();
  }
  return rate("bare-node");
}

/** The same loop in a Bun process (Bun's fetch is what the service sends with); async, as the receiver lives here. */
async function bunLoop(body: string): Promise<number> {
  const script = `const body = process.env.BODY; for (let i = 0; i < Number(process.env.EVENTS); i++) { const r = await fetch(process.env.URL, { method: "POST", headers: { "Content-Type": "application/json" }, body }); await r.arrayBuffer(); }`;
  const child = spawn("bun", ["-e", script], { env: { ...process.env, BODY: body, EVENTS: String(events), URL: receiverUrl }, stdio: "inherit" });
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error("the Bun loop failed");
  return rate("bare-bun");
}

const service = await startWhatsAppService();
try {
  // The first queue warms the service up (JIT, connections); it is not reported.
  const variants = [
    { session: "warmup", hmac: undefined },
    { session: "plain", hmac: undefined },
    { session: "signed", hmac: { key: "bench-secret" } },
  ];
  for (const { session, hmac } of variants) {
    // A constant 0.5 s retry (up to 50 s): the refused first event holds the queue until the receiver accepts.
    const webhook = { url: receiverUrl, events: ["presence.update"], retries: { policy: "constant", delaySeconds: 0.5, attempts: 100 }, ...(hmac ? { hmac } : {}) };
    await service.api("POST", "/api/sessions", { name: session, config: { webhooks: [webhook] } });
    for (;;) {
      try {
        await service.api("POST", `/api/sandbox/${session}/scan`);
        break;
      } catch {
        await sleep(50);
      }
    }
  }

  for (const { session } of variants) {
    receiver.accepting = false;
    const indices = Array.from({ length: events }, (_, index) => index);
    await inParallel(indices, 16, async (index) => {
      await service.api("POST", `/api/sandbox/${session}/presence`, { from: "5511999999999", presence: index % 2 === 0 ? "typing" : "paused" });
    });
    receiver.accepting = true;
    while ((receiver.count.get(session) ?? 0) < events) await sleep(20);
  }
  const envelope = JSON.parse(receiver.sample) as Record<string, unknown>;
  const bun = await bunLoop(JSON.stringify({ ...envelope, session: "bare-bun" }));
  const node = await nodeLoop(JSON.stringify({ ...envelope, session: "bare-node" }));
  const plain = rate("plain");
  const signed = rate("signed");
  console.log(`whatsapp-webhook-throughput: ${events} events per variant, one in-order queue, loopback receiver, ${receiver.sample.length}-byte envelopes`);
  console.log(`  bare POST loop, Bun fetch : ${bun.toFixed(0)} events/s (the baseline)`);
  console.log(`  bare POST loop, Node fetch: ${node.toFixed(0)} events/s`);
  console.log(`  service, no HMAC          : ${plain.toFixed(0)} events/s, ratio ${(plain / bun).toFixed(2)} of the Bun loop`);
  console.log(`  service, HMAC-SHA512      : ${signed.toFixed(0)} events/s, ratio ${(signed / bun).toFixed(2)} of the Bun loop (${receiver.signed} signed received)`);
} finally {
  await service.stop();
  server.close();
}
