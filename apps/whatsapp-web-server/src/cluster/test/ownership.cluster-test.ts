import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createTestDatabase, eventually, startWorker, type Worker } from "./cluster-test-support.ts";

// Three workers race for twenty sessions that appear unowned at once, then for the sessions of a
// worker killed with -9. At no sample may two workers hold one session, nor any exceed its capacity.

const capacity = 8;
const names = Array.from({ length: 20 }, (_, index) => `race${String(index).padStart(2, "0")}`);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workers: Worker[] = [];

/** Who holds what, as each worker says; fails on a session held twice or a worker over capacity. */
async function sampleHolders(): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  for (const worker of workers) {
    const held = await worker.held().catch(() => []);
    expect(held.length).toBeLessThanOrEqual(capacity);
    for (const name of held) {
      expect({ name, heldBy: [holders.get(name), worker.id].filter(Boolean) }).toEqual({ name, heldBy: [worker.id] });
      holders.set(name, worker.id);
    }
  }
  return holders;
}

/** Samples for `ms`, then once the holders agree with the registry. */
async function expectSingleOwners(ms: number, expectedHeld: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await sampleHolders();
    await Bun.sleep(25);
  }
  await eventually(
    async () => {
      const holders = await sampleHolders();
      const rows = await database.sql<{ name: string; owner_worker: string | null }[]>`SELECT name, owner_worker FROM whatsapp.sessions
        WHERE owner_worker IS NOT NULL AND lease_expires_at > now()`;
      const registry = new Map(rows.map((row) => [row.name, row.owner_worker]));
      return holders.size === expectedHeld && [...holders].every(([name, id]) => registry.get(name) === id) && registry.size === expectedHeld;
    },
    20_000,
    `${expectedHeld} sessions each held by the one worker the registry names`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { WORKER_CAPACITY: String(capacity), WHATSAPP_LEASE_SECONDS: "3" };
  workers = await Promise.all(["race-a", "race-b", "race-c"].map((id) => startWorker(database.url, id, env)));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
  await database.drop();
});

describe("session ownership under races", () => {
  test("twenty sessions appearing at once are each taken by exactly one worker, within capacity", async () => {
    await database.sql`INSERT INTO whatsapp.sessions (name, config, running, created_at)
      SELECT name, '{}'::jsonb, true, 0 FROM unnest(${database.sql.array(names, "TEXT")}::text[]) AS name`;
    await expectSingleOwners(3_000, names.length);
  }, 40_000);

  test("the sessions of a killed worker go to the others, never to two at once, up to their capacity", async () => {
    const victim = workers[0];
    if (!victim) throw new Error("no worker");
    await victim.stop("SIGKILL");
    workers = workers.slice(1);
    // Two workers of capacity 8 are left for 20 sessions: 16 held, 4 wait for room.
    await expectSingleOwners(5_000, 2 * capacity);
    const waiting = await database.sql`SELECT name FROM whatsapp.sessions WHERE owner_worker IS NULL OR lease_expires_at < now()`;
    expect(waiting.length).toBe(names.length - 2 * capacity);
  }, 60_000);
});
