import type { Database } from "bun:sqlite";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineName } from "./engines/engine-name.ts";
import { createSandboxEngine } from "./engines/sandbox/index.ts";
import { createSqliteSandboxLinkStore, type SandboxLinkStore } from "./engines/sandbox/sandbox-link-store.ts";
import { resolveSandboxOptions, type SandboxOptions } from "./engines/sandbox/sandbox-options.ts";
import { createSqliteSandboxStore, type SandboxStore } from "./engines/sandbox/sandbox-store.ts";
import { createWebjsEngine } from "./engines/webjs/index.ts";
import { createEnvironment } from "./environment.ts";
import type { HealthIndicator } from "./health/health-check.ts";
import type { Logger } from "./logger.ts";
import { SessionManager } from "./sessions/session-manager.ts";
import { createSqliteSessionStore, type SessionStore } from "./sessions/session-store.ts";
import type { SessionStatus } from "./waha/types.ts";
import { openDatabase } from "./storage/database.ts";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher.ts";
import { createSqliteWebhookOutbox, type WebhookOutbox } from "./webhooks/webhook-outbox.ts";

/** The stores the runtime is built on. */
export type RuntimeStores = { sessions: SessionStore; sandboxLinks: SandboxLinkStore; sandbox: SandboxStore; outbox: WebhookOutbox };

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
  /** Cluster mode (src/cluster/): wraps the SQLite stores so that their writes also reach Postgres. */
  wrapStores?: (stores: RuntimeStores, db: Database) => RuntimeStores;
  /** Told of every session status change (cluster mode keeps it in the shared registry). */
  onSessionStatus?: (name: string, status: SessionStatus) => void;
};

/** The service's stateful parts, built once from the configuration; `createApp` serves them. */
export type Runtime = ReturnType<typeof createRuntime>;

/** Wires the stores, the engines, the session manager and the webhook dispatcher. */
export function createRuntime(options: RuntimeOptions) {
  const db = openDatabase(options.dataDir);
  const sqliteStores: RuntimeStores = {
    sessions: createSqliteSessionStore(db),
    sandboxLinks: createSqliteSandboxLinkStore(db),
    sandbox: createSqliteSandboxStore(db),
    outbox: createSqliteWebhookOutbox(db),
  };
  const stores = options.wrapStores ? options.wrapStores(sqliteStores, db) : sqliteStores;
  const webhooks = new WebhookDispatcher(stores.outbox, options.logger);
  const sandboxLinks = stores.sandboxLinks;
  const sandboxStore = stores.sandbox;
  // Auth state beside the registry, so linked sessions survive a restart.
  const webjsAuthRoot = options.dataDir ? path.join(options.dataDir, "whatsapp", "webjs") : path.join(tmpdir(), `whatsapp-webjs-${process.pid}`);
  const publicUrl = (options.publicUrl ?? "http://localhost:8788").replace(/\/+$/, "");
  const mediaUrl = (session: string, name: string) => `${publicUrl}/api/files/${session}/${name}`;
  const sessions = new SessionManager({
    store: stores.sessions,
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
                authRoot: webjsAuthRoot,
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
    onStatus: options.onSessionStatus,
  });
  return {
    sessions,
    webhooks,
    /** Where a WEBJS session keeps its LocalAuth directory (`sessionAuthDir`). */
    webjsAuthDir: (session: string) => path.join(webjsAuthRoot, session),
    /** A stored media file of a session, as `GET /api/files/{session}/{file}` serves it. */
    mediaFile: (session: string, name: string) => sandboxStore.media(session).read(name),
    /** Readiness of the session registry: a query answers (it fails once the database is closed). */
    storeCheck: (): HealthIndicator | Promise<HealthIndicator> => {
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
