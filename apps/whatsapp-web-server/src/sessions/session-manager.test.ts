import { describe, expect, test } from "bun:test";
import { EngineSessionBase, type EngineSessionContext, NotImplementedByEngineError } from "../engines/engine.ts";
import { createEnvironment } from "../environment.ts";
import { silentLogger } from "../logger.ts";
import { openDatabase } from "../storage/database.ts";
import type { MeInfo, SessionStatus } from "../waha/types.ts";
import { WebhookDispatcher } from "../webhooks/webhook-dispatcher.ts";
import { createSqliteWebhookOutbox } from "../webhooks/webhook-outbox.ts";
import { SessionManager } from "./session-manager.ts";
import { createSqliteSessionStore } from "./session-store.ts";

/** The smallest engine: works at once, implements none of the optional operations. */
class MinimalSession extends EngineSessionBase {
  readonly engine = "SANDBOX" as const;
  status: SessionStatus = "STOPPED";
  constructor(private readonly context: EngineSessionContext) {
    super();
  }
  private set(status: SessionStatus) {
    this.status = status;
    this.context.events.status(status);
  }
  async start() {
    this.set("WORKING");
  }
  async stop() {
    this.set("STOPPED");
  }
  async logout() {
    this.set("STOPPED");
  }
  getQR(): never {
    throw new Error("linked");
  }
  me(): MeInfo {
    return { id: "1@c.us", pushName: "min" };
  }
}

function createManager() {
  const db = openDatabase(null);
  const webhooks = new WebhookDispatcher(createSqliteWebhookOutbox(db), silentLogger);
  return new SessionManager({
    store: createSqliteSessionStore(db),
    engines: { SANDBOX: (context) => new MinimalSession(context) },
    defaultEngine: "SANDBOX",
    webhooks,
    environment: createEnvironment("SANDBOX", null),
    logger: silentLogger,
  });
}

describe("SessionManager", () => {
  test("an operation the engine lacks throws NotImplementedByEngineError", async () => {
    const manager = createManager();
    await manager.create("min", {}, true);
    expect(manager.get("min").status).toBe("WORKING");
    const engine = manager.engine("min");
    await expect(engine.sendText({ session: "min", chatId: "1@c.us", text: "x" })).rejects.toBeInstanceOf(NotImplementedByEngineError);
    await expect(engine.requestCode("123")).rejects.toThrow("The SANDBOX engine does not implement requestCode");
    await manager.shutdown();
  });

  test("refuses an engine that is not available yet", async () => {
    const manager = createManager();
    await expect(manager.create("web", { engine: "WEBJS" }, true)).rejects.toBeInstanceOf(NotImplementedByEngineError);
    expect(manager.list(true)).toEqual([]);
  });

  test("keeps a status history and frees the engine session on stop", async () => {
    const manager = createManager();
    await manager.create("h", {}, true);
    await manager.stop("h");
    expect(manager.get("h").status).toBe("STOPPED");
    expect(() => manager.engine("h")).toThrow("Session status is not as expected");
  });
});
