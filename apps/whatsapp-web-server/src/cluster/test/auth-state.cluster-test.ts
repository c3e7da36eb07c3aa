import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SQL } from "bun";
import { AuthStateStore, AuthStateTooLargeError } from "../auth-state-store.ts";
import { openClusterDatabase } from "../cluster-database.ts";
import { createTestDatabase, eventually, startWorker } from "./cluster-test-support.ts";

// A WEBJS session's LocalAuth directory moving between workers through Postgres. WhatsApp is not
// reachable here, so the profile is a fake one: nested folders, binary files, an empty file.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const dirs: string[] = [];
const clients: SQL[] = [];

const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-auth-"));
  dirs.push(dir);
  return dir;
};

/** The files under `dir` with their bytes, by relative path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = readFileSync(full).toString("base64");
  }
  return files;
}

/** A store as one worker has it: its own connection to the shared database. */
async function workerStore(maxBytes: number) {
  const sql = await openClusterDatabase(database.url);
  clients.push(sql);
  return new AuthStateStore(sql, maxBytes);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(clients.map((sql) => sql.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

describe("WEBJS auth state in Postgres", () => {
  test("saved on worker A, restored on worker B: the same files, byte for byte (browser caches left out)", async () => {
    const profile = tempDir();
    mkdirSync(path.join(profile, "session", "Default", "IndexedDB", "https_web.whatsapp.com_0.indexeddb.leveldb"), { recursive: true });
    mkdirSync(path.join(profile, "session", "Default", "Cache"), { recursive: true });
    writeFileSync(path.join(profile, "session", "Default", "IndexedDB", "https_web.whatsapp.com_0.indexeddb.leveldb", "000003.log"), randomBytes(300_000));
    writeFileSync(path.join(profile, "session", "Default", "Local Storage"), "WAToken1=abc");
    writeFileSync(path.join(profile, "session", "Default", "Cache", "data_0"), randomBytes(10_000));
    writeFileSync(path.join(profile, "session", "Local State"), JSON.stringify({ profile: { name: "web" } }));
    writeFileSync(path.join(profile, "session", "empty"), "");

    const workerA = await workerStore(50 * 1024 * 1024);
    const workerB = await workerStore(50 * 1024 * 1024);
    const bytes = await workerA.save("web", profile);
    expect(bytes).toBeGreaterThan(300_000);

    const restored = tempDir();
    writeFileSync(path.join(restored, "stale"), "from an older run");
    expect(await workerB.restore("web", restored)).toBe(true);
    const expected = tree(profile);
    delete expected[path.join("session", "Default", "Cache", "data_0")];
    expect(tree(restored)).toEqual(expected);
  });

  test("past WHATSAPP_AUTH_MAX_BYTES the save is refused with a clear error and nothing is stored", async () => {
    const profile = tempDir();
    writeFileSync(path.join(profile, "big"), randomBytes(64 * 1024));
    const store = await workerStore(16 * 1024);
    const error = await store.save("big-one", profile).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AuthStateTooLargeError);
    expect((error as Error).message).toMatch(/^the auth state of session 'big-one' is \d+ bytes zipped, more than WHATSAPP_AUTH_MAX_BYTES \(16384\); it was not saved$/);
    expect(await store.restore("big-one", tempDir())).toBe(false);
  });

  test("a WEBJS session's profile moves with the session when its worker stops (SIGTERM), before it starts elsewhere", async () => {
    const [workerA, workerB] = await Promise.all([startWorker(database.url, "auth-a"), startWorker(database.url, "auth-b")]);
    try {
      // Not started, so no browser runs: only the profile on disk moves.
      const created = await workerA.api("POST", "/api/sessions", { name: "web", start: false, config: { engine: "WEBJS" } });
      expect(created.status).toBe(201);
      const profile = path.join(workerA.webjsAuthDir("web"), "session", "Default");
      mkdirSync(profile, { recursive: true });
      writeFileSync(path.join(profile, "Cookies"), randomBytes(50_000));
      writeFileSync(path.join(profile, "Preferences"), "{}");
      const expected = tree(workerA.webjsAuthDir("web"));

      expect(await workerA.stop("SIGTERM")).toBe(0);
      // A request for the session on B claims it there, which restores the profile first.
      const answer = await eventually(async () => {
        const response = await workerB.api("GET", "/api/sessions/web");
        return response.ok ? ((await response.json()) as { name: string; status: string }) : null;
      }, 10_000, "the session on worker B");
      expect(answer).toMatchObject({ name: "web", status: "STOPPED" });
      expect(await workerB.held()).toEqual(["web"]);
      expect(tree(workerB.webjsAuthDir("web"))).toEqual(expected);
    } finally {
      await Promise.all([workerA.stop("SIGKILL"), workerB.stop("SIGKILL")]);
    }
  }, 60_000);
});
