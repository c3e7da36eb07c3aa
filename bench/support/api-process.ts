import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverNodeFlags } from "server/node-flags";
import { freePort } from "./whatsapp-service.ts";

const benchDir = path.resolve(import.meta.dirname, "..");

export interface ApiProcessOptions {
  databaseUrl: string;
  redisUrl: string;
  /** REDIS_PREFIX: the run's own queue and event channels. */
  redisPrefix: string;
  /** The same for every instance (sessions and sealed webhook keys). */
  authSecret: string;
  whatsappUrl: string;
  whatsappApiKey: string;
  /** Where the WhatsApp service posts webhooks for numbers linked through this instance. */
  webhookUrl: string;
  messagesPerMinute: number;
  jitterMs: number;
}

export interface ApiProcess {
  url: string;
  pid: number;
  /** SIGTERM, and SIGKILL if it has not exited after 20 s. */
  stop(): Promise<void>;
}

/**
 * `support/api-instance.ts` as its own Node process on a free loopback port (as
 * apps/server/test/support/api-process.ts runs the server for the cluster tests), ready once
 * `/ready` answers.
 */
export async function spawnApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // With the Node flags `apps/server` starts with.
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, "--import", "tsx", "support/api-instance.ts"], {
    cwd: benchDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      SERVER_PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      BETTER_AUTH_SECRET: options.authSecret,
      WHATSAPP_SERVER_URL: options.whatsappUrl,
      WHATSAPP_API_KEY: options.whatsappApiKey,
      WHATSAPP_WEBHOOK_URL: options.webhookUrl,
      OUTBOUND_MESSAGES_PER_MINUTE: String(options.messagesPerMinute),
      OUTBOUND_JITTER_MS: String(options.jitterMs),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A failed run must not leave instances behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API instance exited with ${child.exitCode} before answering`);
    if (await fetch(`${url}/ready`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the API instance did not answer /ready within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
