import type { EngineName } from "./engines/engine-name.ts";
import { createSandboxEngine } from "./engines/sandbox/index.ts";
import { createSqliteSandboxLinkStore } from "./engines/sandbox/sandbox-link-store.ts";
import { resolveSandboxOptions, type SandboxOptions } from "./engines/sandbox/sandbox-options.ts";
import { createEnvironment } from "./environment.ts";
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
  logger: Logger;
};

/** The service's stateful parts, built once from the configuration; `createApp` serves them. */
export type Runtime = ReturnType<typeof createRuntime>;

/** Wires the stores, the engines, the session manager and the webhook dispatcher. */
export function createRuntime(options: RuntimeOptions) {
  const db = openDatabase(options.dataDir);
  const webhooks = new WebhookDispatcher(createSqliteWebhookOutbox(db), options.logger);
  const sandboxLinks = createSqliteSandboxLinkStore(db);
  const sessions = new SessionManager({
    store: createSqliteSessionStore(db),
    engines: {
      SANDBOX: createSandboxEngine({ links: sandboxLinks, options: resolveSandboxOptions(options.sandboxTimeScale, options.sandbox) }),
    },
    defaultEngine: options.engine,
    webhooks,
    environment: createEnvironment(options.engine, options.browserPath),
    logger: options.logger,
  });
  return {
    sessions,
    webhooks,
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
