import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../../..");

export interface WhatsAppService {
  baseUrl: string;
  apiKey: string;
  /** Calls the service's own API (e.g. the sandbox's `/api/sandbox/{session}/scan`). */
  request(method: string, pathname: string, body?: unknown): Promise<Response>;
  /** Stops the process (as an outage would), keeping its port and data for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data: sessions and links come back as they were. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it), for a child process to bind. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * The real WhatsApp service (apps/whatsapp-web-server on Bun, SANDBOX engine) on a free port with
 * its own data directory: the API server's tests link numbers and receive webhooks through it.
 * Its sandbox runs 10× faster than life (`WHATSAPP_SANDBOX_TIME_SCALE`).
 */
export async function startWhatsAppService(): Promise<WhatsAppService> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "nexis-wa-"));
  const apiKey = `test-key-${crypto.randomUUID()}`;
  const localBun = path.join(root, ".tools/node_modules/.bin/bun");
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let exited: Promise<void>;

  async function launch() {
    child = spawn(existsSync(localBun) ? localBun : "bun", ["src/index.ts"], {
      cwd: path.join(root, "apps/whatsapp-web-server"),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? tmpdir(),
        NODE_ENV: "test",
        LOG_LEVEL: "error",
        DATA_DIR: dataDir,
        WHATSAPP_HOST: "127.0.0.1",
        WHATSAPP_PORT: String(port),
        WHATSAPP_API_KEY: apiKey,
        WHATSAPP_ENGINE: "SANDBOX",
        WHATSAPP_SANDBOX_TIME_SCALE: "0.1",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const started = child;
    exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`the WhatsApp service exited with ${started.exitCode}`);
      const ok = await fetch(`${baseUrl}/ping`).then((response) => response.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) {
        started.kill("SIGKILL");
        throw new Error("the WhatsApp service did not answer /ping within 20 s");
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  await launch();

  return {
    baseUrl,
    apiKey,
    request: (method, pathname, body) =>
      fetch(`${baseUrl}${pathname}`, {
        method,
        headers: { "X-Api-Key": apiKey, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    stop,
    start: launch,
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
