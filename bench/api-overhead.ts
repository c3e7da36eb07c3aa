// bench/api-overhead: requests per second of the tRPC `health` query through the real API app
// (Hono + tRPC + middleware) against a bare Hono handler making the same database call, served
// side by side in this process on loopback. Prints both figures and their ratio (goal >= 0.6).
// Knobs: BENCH_SECONDS (default 10 per round), DATABASE_URL (Postgres instead of PGlite).
import { createTestDatabase } from "@nexis/db/testing";
import { Hono } from "hono";
import { createApp } from "server/app";
import { listen, load, type LoadResult } from "./support/load.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = 2;
const database = await createTestDatabase(process.env.DATABASE_URL);

const bare = new Hono().get("/health", async (c) => c.json({ status: "ok", databaseTime: (await database.ping()).toISOString() }));
const api = createApp({ database, corsOrigins: ["http://localhost:3000"] });

const baseline = await listen(bare.fetch);
const subject = await listen(api.fetch);
const targets = { baseline: `${baseline.url}/health`, api: `${subject.url}/trpc/health` };

// Check both answer before measuring, so a broken endpoint never reads as a fast one.
for (const url of Object.values(targets)) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

const runs: Record<keyof typeof targets, LoadResult[]> = { baseline: [], api: [] };
await load(targets.baseline, 2); // warm-up: JIT and connection pools
await load(targets.api, 2);
for (let round = 0; round < rounds; round++) {
  // Alternate the order each round so drift on the machine hits both sides alike.
  const order = round % 2 === 0 ? (["baseline", "api"] as const) : (["api", "baseline"] as const);
  for (const name of order) runs[name].push(await load(targets[name], seconds));
}

const mean = (results: LoadResult[]) => results.reduce((sum, r) => sum + r.requestsPerSecond, 0) / results.length;
const baselineRps = mean(runs.baseline);
const apiRps = mean(runs.api);
const failures = [...runs.baseline, ...runs.api].reduce((sum, r) => sum + r.errors + r.non2xx, 0);

console.log(`api-overhead on ${database.kind}, ${rounds} rounds x ${seconds} s, 10 connections`);
console.log(`  bare Hono + same query : ${baselineRps.toFixed(0)} req/s (p99 ${Math.max(...runs.baseline.map((r) => r.latencyP99Ms))} ms)`);
console.log(`  tRPC health via API app: ${apiRps.toFixed(0)} req/s (p99 ${Math.max(...runs.api.map((r) => r.latencyP99Ms))} ms)`);
console.log(`  ratio api/baseline     : ${(apiRps / baselineRps).toFixed(2)} (goal >= 0.60)`);
if (failures > 0) console.log(`  WARNING: ${failures} failed or non-2xx responses`);

await subject.close();
await baseline.close();
await database.dispose();
