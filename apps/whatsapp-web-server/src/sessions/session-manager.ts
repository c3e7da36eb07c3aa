import type { EngineName } from "../engines/engine-name.ts";
import { type EngineFactory, type EngineSession, NotImplementedByEngineError } from "../engines/engine.ts";
import type { WahaEnvironment } from "../environment.ts";
import { notFound, unprocessable } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { MeInfo, SessionStatus, WebhookEventName } from "../waha/types.ts";
import { createEnvelope } from "../webhooks/envelope.ts";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher.ts";
import type { SessionConfig } from "./session-schemas.ts";
import type { SessionRecord, SessionStore } from "./session-store.ts";

/** WAHA's `SessionDTO`. */
export type SessionDTO = { name: string; status: SessionStatus; config: SessionConfig };

/** WAHA's `SessionInfo`: the DTO plus the account, presence and activity. */
export type SessionInfo = SessionDTO & {
  me?: MeInfo;
  presence: null;
  timestamps: { activity: number | null };
  engine: { engine: EngineName };
};

type StatusPoint = { status: SessionStatus; timestamp: number };

/** A registered session and, while it runs, its engine session. */
type ManagedSession = {
  record: SessionRecord;
  engine: EngineSession | null;
  status: SessionStatus;
  statuses: StatusPoint[];
  activity: number | null;
};

export type SessionManagerOptions = {
  store: SessionStore;
  /** One factory per available engine; a session asking for a missing one answers 501. */
  engines: Partial<Record<EngineName, EngineFactory>>;
  defaultEngine: EngineName;
  webhooks: WebhookDispatcher;
  environment: WahaEnvironment;
  logger: Logger;
  /** Told of every status change (cluster mode keeps the last status in the shared registry). */
  onStatus?: (name: string, status: SessionStatus) => void;
};

/** How many status changes `session.status` events carry (WAHA sends the recent ones). */
const statusHistory = 10;

/**
 * Creates, starts, stops and deletes sessions (WAHA's `SessionManager`), picks each session's
 * engine from `config.engine` (default `WHATSAPP_ENGINE`), keeps the registry in `SessionStore`
 * and turns engine events into webhooks.
 */
export class SessionManager {
  private readonly sessions = new Map<string, ManagedSession>();

  constructor(private readonly options: SessionManagerOptions) {
    for (const record of options.store.list()) this.sessions.set(record.name, this.manage(record));
  }

  /** Starts again the sessions that were running when the service stopped. */
  async restore(): Promise<void> {
    for (const session of this.sessions.values()) {
      if (!session.record.running) continue;
      await this.startEngine(session).catch((error: unknown) => {
        this.options.logger.error(`session ${session.record.name} could not be restored`, error);
      });
    }
  }

  list(all: boolean): SessionInfo[] {
    return [...this.sessions.values()].filter((session) => all || session.status !== "STOPPED").map((session) => this.info(session));
  }

  get(name: string): SessionInfo {
    return this.info(this.require(name));
  }

  async create(name: string, config: SessionConfig, start: boolean): Promise<SessionDTO> {
    if (this.sessions.has(name)) throw unprocessable(`Session '${name}' already exists. Use PUT to update it.`);
    this.requireEngine(config);
    const record: SessionRecord = { name, config, running: false, createdAt: Date.now() };
    this.options.store.save(record);
    const session = this.manage(record);
    this.sessions.set(name, session);
    if (start) await this.start(name);
    return this.dto(session);
  }

  /** Replaces the config; a running session restarts to apply it, as in WAHA. */
  async update(name: string, config: SessionConfig): Promise<SessionDTO> {
    const session = this.require(name);
    this.requireEngine(config);
    session.record = { ...session.record, config };
    this.options.store.save(session.record);
    if (session.engine) await this.restart(name);
    return this.dto(session);
  }

  /** Stops, logs out and forgets the session. Idempotent: an unknown name is not an error. */
  async delete(name: string): Promise<void> {
    const session = this.sessions.get(name);
    if (!session) return;
    await this.stopEngine(session);
    await this.detachedEngine(session)?.logout();
    this.sessions.delete(name);
    this.options.store.delete(name);
  }

  async start(name: string): Promise<SessionDTO> {
    const session = this.require(name);
    // Idempotent for a session on its way or working; a FAILED one gets a fresh engine session.
    if (!session.engine || session.status === "FAILED") {
      await this.stopEngine(session, false);
      session.record = { ...session.record, running: true };
      this.options.store.save(session.record);
      await this.startEngine(session);
    }
    return this.dto(session);
  }

  async stop(name: string): Promise<SessionDTO> {
    const session = this.require(name);
    session.record = { ...session.record, running: false };
    this.options.store.save(session.record);
    await this.stopEngine(session);
    return this.dto(session);
  }

  async restart(name: string): Promise<SessionDTO> {
    const session = this.require(name);
    await this.stopEngine(session);
    return this.start(name);
  }

  /** Unlinks the account; a session that was not STOPPED starts again, to show a new QR. */
  async logout(name: string): Promise<SessionDTO> {
    const session = this.require(name);
    const wasRunning = session.engine !== null;
    if (session.engine) {
      const engine = session.engine;
      session.engine = null;
      await engine.logout();
      this.onStatus(session, "STOPPED");
    } else {
      await this.detachedEngine(session)?.logout();
    }
    if (wasRunning) await this.startEngine(session);
    return this.dto(session);
  }

  me(name: string): MeInfo | null {
    return this.require(name).engine?.me() ?? null;
  }

  /** The running engine session behind a name (404 if unknown, 422 if stopped). */
  engine(name: string): EngineSession {
    const session = this.require(name);
    if (!session.engine) throw unprocessable(`Session status is not as expected: it is ${session.status}, this needs WORKING`);
    session.activity = Date.now();
    return session.engine;
  }

  /**
   * Takes over a session another worker ran (cluster mode): registers it and starts it if it should
   * run. Its stored data must already be in the local stores.
   */
  async adopt(record: SessionRecord): Promise<void> {
    if (this.sessions.has(record.name)) return;
    const session = this.manage(record);
    this.sessions.set(record.name, session);
    if (record.running) await this.startEngine(session);
  }

  /** Hands a session back (cluster mode): stops it here without a STOPPED event or a registry change. */
  async release(name: string): Promise<void> {
    const session = this.sessions.get(name);
    if (!session) return;
    this.sessions.delete(name);
    await this.stopEngine(session, false);
  }

  /** Whether this process holds the session. */
  has(name: string): boolean {
    return this.sessions.has(name);
  }

  /** Names of the sessions this process holds. */
  names(): string[] {
    return [...this.sessions.keys()];
  }

  /** Stops every engine without changing what should run, so a restart brings them back. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => this.stopEngine(session, false)));
  }

  private manage(record: SessionRecord): ManagedSession {
    return { record, engine: null, status: "STOPPED", statuses: [], activity: null };
  }

  private require(name: string): ManagedSession {
    const session = this.sessions.get(name);
    if (!session) {
      throw notFound(`We didn't find a session with name '${name}'. Please start it first by using POST /api/sessions/${name}/start request`);
    }
    return session;
  }

  /** Refuses (501) a config naming an engine this build does not have yet. */
  private requireEngine(config: SessionConfig): void {
    const engineName = config.engine ?? this.options.defaultEngine;
    if (!this.options.engines[engineName]) throw new NotImplementedByEngineError(engineName, "sessions (the engine is not available yet)");
  }

  private engineName(session: ManagedSession): EngineName {
    return session.record.config.engine ?? this.options.defaultEngine;
  }

  /**
   * Builds the session's engine session. Its events count only while it is the session's current
   * engine (`report`), so a stopped or replaced one cannot change the status or send webhooks.
   */
  private createEngine(session: ManagedSession, report: boolean): EngineSession {
    const engineName = this.engineName(session);
    const factory = this.options.engines[engineName];
    if (!factory) throw new NotImplementedByEngineError(engineName, "sessions (the engine is not available yet)");
    const attached = () => report && session.engine === engine;
    const engine: EngineSession = factory({
      name: session.record.name,
      events: {
        status: (status, reason) => {
          if (attached()) this.onStatus(session, status, reason);
        },
        event: (event, payload) => {
          if (attached()) this.emit(session, event, payload);
        },
      },
    });
    return engine;
  }

  /** An engine session that reports nothing, to log out a session that is not running. */
  private detachedEngine(session: ManagedSession): EngineSession | null {
    try {
      return this.createEngine(session, false);
    } catch {
      return null;
    }
  }

  private async startEngine(session: ManagedSession): Promise<void> {
    const engine = this.createEngine(session, true);
    session.engine = engine;
    try {
      await engine.start();
    } catch (error) {
      this.options.logger.error(`session ${session.record.name} failed to start`, error);
      this.onStatus(session, "FAILED", error instanceof Error ? error.message : String(error));
    }
  }

  private async stopEngine(session: ManagedSession, report = true): Promise<void> {
    const engine = session.engine;
    if (!engine) return;
    session.engine = null;
    await engine.stop();
    if (report) this.onStatus(session, "STOPPED");
  }

  private onStatus(session: ManagedSession, status: SessionStatus, reason?: string): void {
    session.status = status;
    session.statuses = [...session.statuses, { status, timestamp: Date.now() }].slice(-statusHistory);
    this.options.onStatus?.(session.record.name, status);
    if (reason) this.options.logger.warn(`session ${session.record.name} is ${status}: ${reason}`);
    this.emit(session, "session.status", { name: session.record.name, status, statuses: session.statuses });
  }

  private emit(session: ManagedSession, event: WebhookEventName, payload: unknown): void {
    const webhooks = session.record.config.webhooks ?? [];
    if (webhooks.length === 0) return;
    const envelope = createEnvelope({
      session: session.record.name,
      metadata: session.record.config.metadata,
      engine: this.engineName(session),
      event,
      payload,
      me: session.engine?.me(),
      environment: this.options.environment,
    });
    this.options.webhooks.dispatch(webhooks, envelope);
  }

  private dto(session: ManagedSession): SessionDTO {
    return { name: session.record.name, status: session.status, config: session.record.config };
  }

  private info(session: ManagedSession): SessionInfo {
    const me = session.engine?.me();
    return {
      ...this.dto(session),
      ...(me ? { me } : {}),
      presence: null,
      timestamps: { activity: session.activity },
      engine: { engine: this.engineName(session) },
    };
  }
}
