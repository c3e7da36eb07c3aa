import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const appDir = path.join(import.meta.dirname, "../../apps/whatsapp-web-server");

/** A free loopback port, picked by the OS (never one of the project's fixed ones). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type WhatsAppService = {
  url: string;
  pid: number;
  /** A JSON call to the service's API with its key; throws on a non-2xx answer. */
  api: <T = unknown>(method: string, route: string, body?: unknown) => Promise<T>;
  /** Resident memory of the service process, in MB (Linux `/proc`). */
  rssMb: () => number;
  /** Sends `signal` (default SIGTERM: a graceful stop), waits for the exit, removes the data dir. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * Starts `apps/whatsapp-web-server` as its own process (`bun src/index.ts`) on a free port with a
 * temporary data dir, and waits for `/ping`. Stopping it sends SIGTERM and removes the data dir.
 */
export async function startWhatsAppService(env: Record<string, string> = {}): Promise<WhatsAppService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "wa-bench-"));
  const port = await freePort();
  const apiKey = "bench-key";
  const child: ChildProcess = spawn("bun", ["src/index.ts"], {
    cwd: appDir,
    // DATABASE_URL emptied: single-process mode unless `env` asks for a cluster worker.
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, WHATSAPP_PORT: String(port), WHATSAPP_HOST: "127.0.0.1", WHATSAPP_API_KEY: apiKey, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      if (tries > 200) throw new Error("the WhatsApp service did not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    api: async <T>(method: string, route: string, body?: unknown) => {
      const headers: Record<string, string> = { "X-Api-Key": apiKey };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    rssMb: () => {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      return kb / 1024;
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
