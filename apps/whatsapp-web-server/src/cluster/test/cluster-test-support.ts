import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SQL, type Subprocess } from "bun";

// Helpers for the cluster tests (`*.cluster-test.ts`, run by `pnpm test:cluster`): a fresh
// Postgres database per file, real worker processes on loopback, a counting webhook receiver.

const adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
export const clusterApiKey = "cluster-test-key";
const serviceDir = path.resolve(import.meta.dir, "../../..");

/** A database of its own for one test file; `drop` removes it (after the workers are gone). */
export async function createTestDatabase() {
  const name = `wa_cluster_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new SQL(adminUrl, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const sql = new SQL(url, { max: 2 });
  return {
    url,
    sql,
    async drop() {
      await sql.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function freePort(): Promise<number> {
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = server.port ?? 0;
  await server.stop(true);
  return port;
}

export type Worker = Awaited<ReturnType<typeof startWorker>>;

/** A real worker process (`bun src/index.ts`) in cluster mode, answering /ping. */
export async function startWorker(databaseUrl: string, id: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `wa-${id}-`));
  const url = `http://127.0.0.1:${port}`;
  const child: Subprocess = Bun.spawn(["bun", "src/index.ts"], {
    cwd: serviceDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      // Where a worker keeps WEBJS profiles (`<tmp>/whatsapp-webjs-<pid>`): the test's own tmp.
      TMPDIR: tmpdir(),
      NODE_ENV: "test",
      LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? "error",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      WORKER_ID: id,
      WHATSAPP_HOST: "127.0.0.1",
      WHATSAPP_PORT: String(port),
      WHATSAPP_API_KEY: clusterApiKey,
      WHATSAPP_SANDBOX_TIME_SCALE: "0.01",
      ...env,
    },
    stdout: "inherit",
    stderr: "inherit",
  });
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`${url}/ping`).then((response) => response.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`worker ${id} exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`worker ${id} did not answer /ping within 30 s`);
    }
    await Bun.sleep(100);
  }
  return {
    id,
    url,
    child,
    /** Where this worker keeps a WEBJS session's LocalAuth directory. */
    webjsAuthDir: (session: string) => path.join(tmpdir(), `whatsapp-webjs-${child.pid}`, session),
    /** A JSON request with the API key. */
    api(method: string, route: string, body?: unknown): Promise<Response> {
      return fetch(`${url}${route}`, {
        method,
        headers: { "X-Api-Key": clusterApiKey, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    /** The sessions this worker holds, as `/api/server/status` says. */
    async held(): Promise<string[]> {
      const response = await fetch(`${url}/api/server/status`, { headers: { "X-Api-Key": clusterApiKey } });
      return ((await response.json()) as { worker: { sessions: string[] } }).worker.sessions;
    },
    async stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<number | null> {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await child.exited;
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(path.join(tmpdir(), `whatsapp-webjs-${child.pid}`), { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * Sends until the cluster accepts, as a client should: a 503 means the session is between workers,
 * a 422 "it is STARTING" that it is coming up on its new one. Neither sent anything.
 */
export async function sendUntilAccepted(worker: Worker, route: string, body: unknown, timeoutMs = 40_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await worker.api("POST", route, body).catch(() => null);
    if (response?.status === 201) return (await response.json()) as Record<string, unknown>;
    const text = response ? await response.text() : "connection refused";
    const retryable = !response || response.status === 503 || (response.status === 422 && text.includes("it is STARTING"));
    if (!retryable) throw new Error(`${route} answered ${response.status}: ${text}`);
    if (Date.now() > deadline) throw new Error(`${route} was not accepted within ${timeoutMs} ms: ${text}`);
    await Bun.sleep(200);
  }
}

/** A webhook receiver that counts every delivery by event id (duplicates included). */
export function startCountingReceiver() {
  const deliveries = new Map<string, number>();
  const events: { id: string; event: string; session: string; payload: Record<string, unknown> }[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const body = (await request.json()) as { id: string; event: string; session: string; payload: Record<string, unknown> };
      deliveries.set(body.id, (deliveries.get(body.id) ?? 0) + 1);
      if (deliveries.get(body.id) === 1) events.push(body);
      return new Response(null, { status: 204 });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}/hook`,
    deliveries,
    events,
    duplicates: () => [...deliveries].filter(([, count]) => count > 1),
    stop: () => server.stop(true),
  };
}

/** Polls until `check` gives a truthy value. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await Bun.sleep(100);
  }
}
