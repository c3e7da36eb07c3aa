import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineName } from "./engines/engine-name.ts";
import { createSandboxEngine } from "./engines/sandbox/index.ts";
import { createSqliteSandboxLinkStore } from "./engines/sandbox/sandbox-link-store.ts";
import { resolveSandboxOptions, type SandboxOptions } from "./engines/sandbox/sandbox-options.ts";
import { createSqliteSandboxStore } from "./engines/sandbox/sandbox-store.ts";
import { createWebjsEngine } from "./engines/webjs/index.ts";
import { createEnvironment } from "./environment.ts";
import type { HealthIndicator } from "./health/health-check.ts";
import type { Logger } from "./logger.ts";
import { SessionManager } from "./sessions/session-manager.ts";
import { createSqliteSessionStore } from "./sessions/session-store.ts";
import { openDatabase } from "./storage/database.ts";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher.ts";
import { createSqliteWebhookOutbox } from "./webhooks/webhook-outbox.ts";

export type RuntimeOptions = {
  /** Where the registry, sandbox links and webhook outbox live; null keeps them in memory. */
  dataDir: string | null;
  /** The engine of sessions whose config names none. */
  engine: EngineName;
  browserPath: string | null;
  /** Multiplies the sandbox's default delays (QR rotation, acks): 0.01 makes it 100 times faster. */
  sandboxTimeScale?: number;
  sandbox?: Partial<SandboxOptions>;
  /** The service's address as clients reach it; media URLs (`media.url`) start with it. */
  publicUrl?: string;
  /** Enables the WEBJS engine with this Chromium (`WHATSAPP_BROWSER_PATH`); without it WEBJS answers 501. */
  webjs?: { browserPath: string; browserArgs?: string[] };
  logger: Logger;
};

/** The service's stateful parts, built once from the configuration; `createApp` serves them. */
export type Runtime = ReturnType<typeof createRuntime>;

/** Wires the stores, the engines, the session manager and the webhook dispatcher. */
export function createRuntime(options: RuntimeOptions) {
  const db = openDatabase(options.dataDir);
  const webhooks = new WebhookDispatcher(createSqliteWebhookOutbox(db), options.logger);
  const sandboxLinks = createSqliteSandboxLinkStore(db);
  const sandboxStore = createSqliteSandboxStore(db);
  const publicUrl = (options.publicUrl ?? "http://localhost:8788").replace(/\/+$/, "");
  const mediaUrl = (session: string, name: string) => `${publicUrl}/api/files/${session}/${name}`;
  const sessions = new SessionManager({
    store: createSqliteSessionStore(db),
    engines: {
      SANDBOX: createSandboxEngine({
        links: sandboxLinks,
        store: sandboxStore,
        mediaUrl,
        options: resolveSandboxOptions(options.sandboxTimeScale, options.sandbox),
      }),
      ...(options.webjs
        ? {
            WEBJS: createWebjsEngine({
              options: {
                ...options.webjs,
                // Auth state beside the registry, so linked sessions survive a restart.
                authRoot: options.dataDir ? path.join(options.dataDir, "whatsapp", "webjs") : path.join(tmpdir(), `whatsapp-webjs-${process.pid}`),
                qrMaxRetries: 6,
              },
              logger: options.logger,
            }),
          }
        : {}),
    },
    defaultEngine: options.engine,
    webhooks,
    environment: createEnvironment(options.engine, options.browserPath),
    logger: options.logger,
  });
  return {
    sessions,
    webhooks,
    /** A stored media file of a session, as `GET /api/files/{session}/{file}` serves it. */
    mediaFile: (session: string, name: string) => sandboxStore.media(session).read(name),
    /** Readiness of the session registry: a query answers (it fails once the database is closed). */
    storeCheck: (): HealthIndicator => {
      db.query("SELECT 1").get();
      return { status: "up" };
    },
    /** Resumes pending webhooks and brings back the sessions that were running. */
    async start() {
      webhooks.resume();
      await sessions.restore();
    },
    /** Stops every session (they come back on the next start) and closes the database. */
    async close() {
      await sessions.shutdown();
      webhooks.close();
      db.close();
    },
  };
}
