import { describe, expect, test } from "bun:test";
import path from "node:path";
import { createTempDataDir, createTestApp, waitFor } from "./test-helpers.ts";

describe("over real HTTP", () => {
  test("listens on a free port, answers /ping and stops", async () => {
    const app = createTestApp().listen({ port: 0, hostname: "127.0.0.1" });
    try {
      const url = app.server?.url;
      expect(url).toBeDefined();
      const response = await fetch(new URL("/ping", url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: "pong" });
    } finally {
      await app.stop();
    }
  });
});

/** A port the OS says is free now (the service needs a fixed one in its env). */
function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port ?? 0;
  void probe.stop(true);
  return port;
}

/** Starts `src/index.ts` as the service runs in production, and waits until it answers. */
async function startService(dataDir: string, port: number) {
  // The same Bun that runs the tests, whatever the PATH.
  const service = Bun.spawn([process.execPath, path.join(import.meta.dir, "index.ts")], {
    env: {
      ...process.env,
      // Single-process mode even where the test run has a DATABASE_URL (CI's Postgres pass).
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      WHATSAPP_PORT: String(port),
      WHATSAPP_HOST: "127.0.0.1",
      WHATSAPP_API_KEY: "process-key",
      WHATSAPP_ENGINE: "SANDBOX",
      WHATSAPP_SANDBOX_TIME_SCALE: "0.01",
      LOG_LEVEL: "warn",
    },
    stdout: "ignore",
    stderr: "pipe",
  });
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/ping`).then((response) => response.ok, () => false), 10_000, "the service to answer");
  } catch (error) {
    service.kill("SIGKILL");
    throw error;
  }
  return service;
}

describe("the service process", () => {
  test("stops cleanly on SIGTERM and brings a linked sandbox session back WORKING", async () => {
    const dataDir = createTempDataDir();
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    const headers = { "X-Api-Key": "process-key", "Content-Type": "application/json" };
    const status = async () => ((await (await fetch(`${base}/api/sessions/proc`, { headers })).json()) as { status: string }).status;

    const first = await startService(dataDir, port);
    try {
      await fetch(`${base}/api/sessions`, { method: "POST", headers, body: JSON.stringify({ name: "proc" }) });
      await waitFor(async () => (await status()) === "SCAN_QR_CODE", 3_000, "SCAN_QR_CODE");
      expect((await fetch(`${base}/api/sandbox/proc/scan`, { method: "POST", headers })).status).toBe(201);
    } finally {
      first.kill("SIGTERM");
    }
    expect(await first.exited).toBe(0);

    const second = await startService(dataDir, port);
    try {
      await waitFor(async () => (await status()) === "WORKING", 3_000, "WORKING after the restart");
    } finally {
      second.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);
  }, 30_000);
});
