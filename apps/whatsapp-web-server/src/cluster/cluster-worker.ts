import type { Database } from "bun:sqlite";
import type { SQL } from "bun";
import type { Logger } from "../logger.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher.ts";
import type { AuthStateStore } from "./auth-state-store.ts";
import type { RegistryRow, SessionRegistry } from "./registry.ts";
import type { ReplicatedOutbox } from "./replicated-outbox.ts";
import { dropLocalSessionData, loadSessionData } from "./session-data.ts";
import type { WriteQueue } from "./write-queue.ts";

/** WEBJS sessions keep a LocalAuth directory; the cluster carries it between workers. */
export type WebjsAuth = { store: AuthStateStore; dir: (session: string) => string };

export type ClusterWorkerDeps = {
  sql: SQL;
  /** The local working copy (bun:sqlite in memory). */
  db: Database;
  registry: SessionRegistry;
  writes: WriteQueue;
  outbox: ReplicatedOutbox;
  sessions: SessionManager;
  webhooks: WebhookDispatcher;
  webjsAuth: WebjsAuth | null;
  defaultEngine: string;
  logger: Logger;
};

/**
 * What one worker does with the sessions it owns: take one over (load its data from Postgres,
 * restore its auth state, start it), give one back (stop it, write out everything, end the
 * lease), and drop one whose lease another worker took. `LeaseLoop` decides when.
 */
export class ClusterWorker {
  /** Sessions on their way in or out, so that two moves of one session never overlap. */
  private readonly moving = new Map<string, Promise<unknown>>();
  private closing = false;

  constructor(private readonly deps: ClusterWorkerDeps) {}

  get id(): string {
    return this.deps.registry.worker.id;
  }

  /** Sessions held or being taken: what counts against the capacity. */
  get load(): number {
    return this.deps.sessions.names().length + [...this.moving.keys()].filter((name) => !this.deps.sessions.has(name)).length;
  }

  /** Sessions held or being taken: the leases to renew. */
  leased(): string[] {
    return [...new Set([...this.deps.sessions.names(), ...this.moving.keys()])];
  }

  get freeCapacity(): number {
    return this.closing ? 0 : Math.max(0, this.deps.registry.worker.capacity - this.load);
  }

  get stopping(): boolean {
    return this.closing;
  }

  /** Takes a session a request asked for, if nobody holds it and there is room; true when it is here. */
  async claim(name: string): Promise<boolean> {
    if (this.deps.sessions.has(name)) return true;
    const inFlight = this.moving.get(name);
    if (inFlight) {
      await inFlight;
      return this.deps.sessions.has(name);
    }
    if (this.freeCapacity === 0) return false;
    const row = await this.deps.registry.claim(name);
    if (!row) return false;
    await this.take(row);
    return this.deps.sessions.has(name);
  }

  /** Takes sessions the registry just gave this worker (the claim loop's catch). */
  async takeAll(rows: RegistryRow[]): Promise<void> {
    await Promise.all(rows.map((row) => this.take(row)));
  }

  /** Loads a claimed session's data and starts it here. */
  take(row: RegistryRow): Promise<void> {
    return this.exclusive(row.name, async () => {
      if (this.deps.sessions.has(row.name)) return;
      const { sql, db, outbox, sessions, webhooks, webjsAuth } = this.deps;
      await loadSessionData(sql, db, outbox, row.name);
      if (webjsAuth && (row.config.engine ?? this.deps.defaultEngine) === "WEBJS") {
        await webjsAuth.store.restore(row.name, webjsAuth.dir(row.name));
      }
      webhooks.unpause(row.name);
      await sessions.adopt({ name: row.name, config: row.config, running: row.running, createdAt: row.createdAt });
      this.deps.logger.info(`cluster: worker ${this.id} took session ${row.name}`);
    });
  }

  /** Gives a session back: nothing of it is lost, and its lease ends so another worker takes it at once. */
  release(name: string): Promise<void> {
    return this.exclusive(name, async () => {
      if (!this.deps.sessions.has(name)) return;
      const webjs = this.isWebjs(name);
      await this.stopHere(name);
      // Saved after the browser closed, so the profile on disk is complete.
      if (webjs) await this.saveAuthState(name);
      await this.deps.writes.flush();
      await this.deps.registry.release([name]);
      dropLocalSessionData(this.deps.db, this.deps.outbox, name);
    });
  }

  /** Stops a session whose lease another worker took: it must not run twice. */
  lost(name: string): Promise<void> {
    return this.exclusive(name, async () => {
      if (!this.deps.sessions.has(name)) return;
      this.deps.logger.warn(`cluster: worker ${this.id} lost the lease of session ${name}; stopping it here`);
      await this.stopHere(name);
      dropLocalSessionData(this.deps.db, this.deps.outbox, name);
    });
  }

  /** SIGTERM: takes nothing more and gives every session back. */
  async shutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.moving.values()]);
    await Promise.all(this.deps.sessions.names().map((name) => this.release(name)));
    await this.deps.writes.flush();
  }

  /** Saves the auth state of the WEBJS sessions held here (the periodic save while they work). */
  async saveAuthStates(): Promise<void> {
    for (const name of this.deps.sessions.names()) {
      if (this.isWebjs(name) && this.deps.sessions.get(name).status === "WORKING") await this.saveAuthState(name);
    }
  }

  /** A session stopped here (API stop, logout): its WEBJS auth state as it now is goes to the shared store. */
  async onStopped(name: string): Promise<void> {
    if (this.isWebjs(name)) await this.saveAuthState(name);
  }

  private async stopHere(name: string): Promise<void> {
    await this.deps.webhooks.pause(name);
    await this.deps.sessions.release(name);
  }

  private async saveAuthState(name: string): Promise<void> {
    const { webjsAuth } = this.deps;
    if (!webjsAuth) return;
    await webjsAuth.store.save(name, webjsAuth.dir(name)).catch((error: unknown) => {
      this.deps.logger.error(`cluster: saving the auth state of session ${name} failed`, error);
    });
  }

  private isWebjs(name: string): boolean {
    const info = this.deps.sessions.has(name) ? this.deps.sessions.get(name) : null;
    return info?.engine.engine === "WEBJS";
  }

  /** Runs one move of a session at a time. */
  private async exclusive(name: string, move: () => Promise<void>): Promise<void> {
    while (this.moving.has(name)) await this.moving.get(name)?.catch(() => undefined);
    const running = move().finally(() => this.moving.delete(name));
    this.moving.set(name, running);
    await running;
  }
}
