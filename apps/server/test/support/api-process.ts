import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverNodeFlags } from "../../src/node-flags.ts";
import { freePort, type WhatsAppService } from "./whatsapp-service.ts";

const serverDir = path.resolve(import.meta.dirname, "../..");

export interface ApiProcessOptions {
  databaseUrl: string;
  redisUrl: string;
  /** REDIS_PREFIX: the test's own queue, rate-limit keys and event channels. */
  redisPrefix: string;
  /** BETTER_AUTH_SECRET, the same for every instance of a cluster (sessions and webhook keys). */
  authSecret: string;
  whatsapp: WhatsAppService;
  /** SHUTDOWN_TIMEOUT_MS; the server's default when unset. */
  shutdownTimeoutMs?: number;
  /** Also printed: the process's own log lines (warnings and errors only by default). */
  logLevel?: "debug" | "info" | "warn" | "error";
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process ended. */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit; SIGKILL after `killAfterMs`. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
}

/**
 * The API server as it runs in production (`src/index.ts` as its own process, configured by
 * environment only) on a free loopback port, for tests that run several instances side by side.
 */
export async function spawnApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "nexis-api-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...serverNodeFlags, "--import", "tsx", "src/index.ts"], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: "test",
      LOG_LEVEL: options.logLevel ?? "warn",
      DATA_DIR: dataDir,
      SERVER_HOST: "127.0.0.1",
      SERVER_PORT: String(port),
      SERVER_URL: baseUrl,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      BETTER_AUTH_SECRET: options.authSecret,
      WHATSAPP_SERVER_URL: options.whatsapp.baseUrl,
      WHATSAPP_API_KEY: options.whatsapp.apiKey,
      ...(options.shutdownTimeoutMs === undefined ? {} : { SHUTDOWN_TIMEOUT_MS: String(options.shutdownTimeoutMs) }),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const cleanUp = exited.then(() => rm(dataDir, { recursive: true, force: true }));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API server exited with ${child.exitCode} before answering`);
    const ok = await fetch(`${baseUrl}/ready`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the API server did not answer /ready within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    child,
    exited,
    async stop(signal = "SIGTERM", killAfterMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp;
      return child.exitCode;
    },
  };
}
