// bench/cluster: the pipeline with two WhatsApp workers and two API instances on this machine,
// against one API instance in the same run (issue 11's benchmark). Every process is real and on
// loopback: workers are `bun src/index.ts` in cluster mode, API instances `support/api-instance.ts`
// (the real app, BullMQ outbound queue and Redis events), all on one scratch Postgres database
// and a Redis prefix of the run's own.
// 1. Ingest: signed inbound `message` webhooks per second into Postgres (the ingest-throughput
//    path) through one instance, then split over two (one autocannon run per instance, in parallel).
// 2. Sends: `message.send` over tRPC until each message's SERVER ack is stored (outbox, BullMQ,
//    worker, ack webhook), through one instance, then alternating over two; the workers sit behind
//    a round-robin proxy (the API's single WHATSAPP_SERVER_URL), the instances behind another (the
//    workers' webhook URL). The queue's per-number pacing is off (see api-instance.ts).
// 3. Failover: two workers and linked SANDBOX sessions held by one; kill -9 of the holder until all
//    are WORKING on the other, over several runs (median, worst); the same after SIGTERM (handover).
// Knobs: BENCH_SECONDS (ingest run, default 10), BENCH_CONNECTIONS (default 128), BENCH_SENDERS
// (default 1000), BENCH_SENDS (default 1000), BENCH_SEND_CONCURRENCY (default 32), BENCH_NUMBERS
// (default 8), BENCH_FAILOVER_RUNS (default 10), BENCH_HANDOVER_RUNS (default 3), BENCH_SESSIONS
// (default 10), BENCH_LEASE_SECONDS (default: the service's 15), BENCH_TIME_SCALE (sandbox, default
// 0.1), DATABASE_URL (default the local Postgres), REDIS_URL (default the local Redis).
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { schema } from "@nexis/db";
import { createTestDatabase } from "@nexis/db/testing";
import { Redis } from "ioredis";
import { signUpAt } from "./support/api-member.ts";
import { type ApiProcess, spawnApiProcess } from "./support/api-process.ts";
import { createIngestNumber, type IngestRun, measureIngest } from "./support/cluster-ingest.ts";
import { measureFailover } from "./support/cluster-failover.ts";
import { linkNumbersWithChats, measureSends, type SendRun } from "./support/cluster-sends.ts";
import { startRoundRobinProxy } from "./support/round-robin-proxy.ts";
import { startClusterWorker } from "./support/worker-cluster.ts";

const knob = (name: string, fallback: number) => Number(process.env[name] || fallback);
const seconds = knob("BENCH_SECONDS", 10);
const connections = knob("BENCH_CONNECTIONS", 128);
const senders = knob("BENCH_SENDERS", 1_000);
const sends = knob("BENCH_SENDS", 1_000);
const sendConcurrency = knob("BENCH_SEND_CONCURRENCY", 32);
const numbers = knob("BENCH_NUMBERS", 8);
const killRuns = knob("BENCH_FAILOVER_RUNS", 10);
const termRuns = knob("BENCH_HANDOVER_RUNS", 3);
const sessions = knob("BENCH_SESSIONS", 10);
const leaseSeconds = process.env.BENCH_LEASE_SECONDS || "";
const timeScale = process.env.BENCH_TIME_SCALE || "0.1";
const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const redisPrefix = `nexis-bench-cluster-${randomBytes(4).toString("hex")}`;
const authSecret = randomBytes(32).toString("base64url");
const workerEnv = { WHATSAPP_SANDBOX_TIME_SCALE: timeScale, ...(leaseSeconds ? { WHATSAPP_LEASE_SECONDS: leaseSeconds } : {}) };
const load = () => `load average ${loadavg().map((value) => value.toFixed(1)).join(" ")} on ${availableParallelism()} cores`;
console.log(`cluster: ${load()} at the start (figures stretch with it)`);

// ── Throughput: one database, two workers behind a proxy, one API instance and then two ─────────
const database = await createTestDatabase(adminUrl);
const databaseUrl = database.url ?? "";
const workers = await Promise.all(["wa-1", "wa-2"].map((id) => startClusterWorker(databaseUrl, id, workerEnv)));
const whatsappProxy = await startRoundRobinProxy(workers.map((worker) => worker.url));
const webhookProxy = await startRoundRobinProxy([]);
const instance = () =>
  spawnApiProcess({
    databaseUrl,
    redisUrl,
    redisPrefix,
    authSecret,
    whatsappUrl: whatsappProxy.url,
    whatsappApiKey: "bench-key",
    webhookUrl: `${webhookProxy.url}/webhooks/whatsapp`,
    messagesPerMinute: 1_000_000,
    jitterMs: 0,
  });
const apis: ApiProcess[] = [await instance()];
webhookProxy.setTargets(apis.map((api) => api.url));

const ingestNumber = await createIngestNumber(database.db, authSecret, senders);
const member = await signUpAt(apis[0]?.url ?? "", "Cluster");
await database.db.insert(schema.subscription).values({ workspaceId: member.workspaceId, plan: "business", status: "active" });
const [firstWorker] = workers;
if (!firstWorker) throw new Error("no worker");
const chats = await linkNumbersWithChats(member, firstWorker, numbers);

/** Warms an instance up (JIT, pools, cached webhook keys), then measures through all of `urls`. */
async function throughput(urls: string[], label: string): Promise<{ ingest: IngestRun; send: SendRun }> {
  const fresh = urls.at(-1) ?? "";
  await measureIngest(database.db, ingestNumber, [fresh], { prefix: `warm-${label}`, seconds: 2, connections: 32 });
  await measureSends(database.db, member, { urls: [fresh], chats, total: 40, concurrency: 8, prefix: `warm ${label}` });
  const ingest = await measureIngest(database.db, ingestNumber, urls, { prefix: label, seconds, connections });
  const send = await measureSends(database.db, member, { urls, chats, total: sends, concurrency: sendConcurrency, prefix: label });
  return { ingest, send };
}

const single = await throughput(apis.map((api) => api.url), "single");
apis.push(await instance());
webhookProxy.setTargets(apis.map((api) => api.url));
const cluster = await throughput(apis.map((api) => api.url), "cluster");
const throughputLoad = load();
await Promise.all(apis.map((api) => api.stop()));
await Promise.all(workers.map((worker) => worker.stop()));
await Promise.all([whatsappProxy.close(), webhookProxy.close()]);
await database.dispose();

// ── Failover: a database of its own, so these workers see only their sessions ───────────────────
const failoverDatabase = await createTestDatabase(adminUrl);
const renewalMs = (Number(leaseSeconds || 15) * 1000) / 3;
const failover = await measureFailover({ databaseUrl: failoverDatabase.url ?? "", sessions, killRuns, termRuns, env: workerEnv, killDelayMaxMs: renewalMs });
await failoverDatabase.dispose();

const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
for (let cursor = "0"; ; ) {
  const [next, keys] = await redis.scan(cursor, "MATCH", `${redisPrefix}:*`, "COUNT", 500);
  if (keys.length > 0) await redis.del(...keys);
  if ((cursor = next) === "0") break;
}
redis.disconnect();

// ── Report ──────────────────────────────────────────────────────────────────────────────────────
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const worst = (values: number[]) => Math.max(...values);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};
const secondsOf = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ingestLine = (run: IngestRun) => `${run.perSecond.toFixed(0)} msg/s (p99 ${run.p99} ms), ${run.answered} answered 200, ${run.stored} rows stored`;
const sendLine = (run: SendRun) =>
  `${run.outboxPerSecond.toFixed(0)} msg/s through the outbox, ${run.ackedPerSecond.toFixed(0)} msg/s to SERVER ack stored (${run.acceptedPerSecond.toFixed(0)} sends/s accepted)`;
console.log(`cluster on Postgres, Redis (BullMQ queue, pub/sub events), 2 WhatsApp workers (SANDBOX, time scale ${timeScale})`);
console.log(`  ingest: ${seconds} s of signed message webhooks, ${connections} concurrent senders in all, ${senders} contacts`);
console.log(`    1 API instance              : ${ingestLine(single.ingest)}`);
console.log(`    2 API instances (one each)  : ${ingestLine(cluster.ingest)}`);
console.log(`    ratio 2 instances / 1       : ${ratio(cluster.ingest.perSecond, single.ingest.perSecond)}`);
console.log(`  sends: ${sends} message.send over ${numbers} numbers, ${sendConcurrency} in flight, per-number pacing off`);
console.log(`    1 API instance              : ${sendLine(single.send)}`);
console.log(`    2 API instances (alternate) : ${sendLine(cluster.send)}`);
console.log(`    ratio 2 instances / 1       : ${ratio(cluster.send.outboxPerSecond, single.send.outboxPerSecond)} through the outbox, ${ratio(cluster.send.ackedPerSecond, single.send.ackedPerSecond)} to SERVER ack`);
console.log(`    (${throughputLoad} after the throughput runs)`);
const lease = leaseSeconds ? `WHATSAPP_LEASE_SECONDS=${leaseSeconds}` : "the default 15 s";
console.log(`  failover: ${sessions} linked SANDBOX sessions on one of 2 workers, lease ${lease}, each kill at a random moment of a renewal period (0–${secondsOf(renewalMs)} after the sessions arrived)`);
console.log(`    kill -9 → all WORKING, ${killRuns} runs : median ${secondsOf(median(failover.afterKill))}, worst ${secondsOf(worst(failover.afterKill))} (${failover.afterKill.map(secondsOf).join(", ")})`);
console.log(`    SIGTERM → all WORKING, ${termRuns} runs : median ${secondsOf(median(failover.afterTerm))}, worst ${secondsOf(worst(failover.afterTerm))}`);
console.log(`    goals (issue 11's tests): kill -9 within 30 s ${worst(failover.afterKill) < 30_000 ? "met" : "NOT met"}; SIGTERM under 5 s ${worst(failover.afterTerm) < 5_000 ? "met" : "NOT met"}`);
console.log(`  ${load()} at the end`);
const lost = [single.ingest, cluster.ingest].some((run) => run.failures > 0 || run.stored < run.answered);
if (lost) console.log(`  WARNING: ingest failures or rows missing; single: ${single.ingest.statuses}; cluster: ${cluster.ingest.statuses}`);
process.exit(lost ? 1 : 0);
