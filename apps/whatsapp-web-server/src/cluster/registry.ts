import type { SQL } from "bun";
import type { SessionConfig } from "../sessions/session-schemas.ts";
import type { SessionRecord } from "../sessions/session-store.ts";
import type { SessionStatus } from "../waha/types.ts";

/** A session as the shared registry has it: the record plus its owner and last status. */
export type RegistryRow = SessionRecord & { status: SessionStatus; owner: string | null; leaseExpiresAt: Date | null };

/** A worker as the registry has it. */
export type WorkerRow = { id: string; url: string; capacity: number; heartbeatAt: Date };

type SessionRow = {
  name: string;
  config: SessionConfig;
  running: boolean;
  status: SessionStatus;
  owner_worker: string | null;
  lease_expires_at: Date | null;
  created_at: string | number;
};

const toRow = (row: SessionRow): RegistryRow => ({
  name: row.name,
  config: row.config,
  running: row.running,
  createdAt: Number(row.created_at),
  status: row.status,
  owner: row.owner_worker,
  leaseExpiresAt: row.lease_expires_at,
});

/** What a worker is: its id, address, capacity and lease length. */
export type WorkerIdentity = { id: string; url: string; capacity: number; leaseSeconds: number };

/**
 * The shared session registry in Postgres: who owns which session, until when. Claims take rows
 * with `FOR UPDATE SKIP LOCKED` and re-check the lease in the same statement, so two workers
 * never own one session at once.
 */
export class SessionRegistry {
  constructor(
    private readonly sql: SQL,
    readonly worker: WorkerIdentity,
  ) {}

  async heartbeat(): Promise<void> {
    const { id, url, capacity } = this.worker;
    await this.sql`INSERT INTO whatsapp.workers (id, url, capacity, heartbeat_at) VALUES (${id}, ${url}, ${capacity}, now())
      ON CONFLICT (id) DO UPDATE SET url = excluded.url, capacity = excluded.capacity, heartbeat_at = now()`;
    // Workers that died without leaving (kill -9) are forgotten after ten leases.
    await this.sql`DELETE FROM whatsapp.workers WHERE heartbeat_at < now() - make_interval(secs => ${this.worker.leaseSeconds * 10})`;
  }

  /**
   * Extends the leases of the sessions this worker holds; answers those it still owns. A row
   * owned under this id but not held (a previous process with the same WORKER_ID) is left to expire.
   */
  async renew(held: string[]): Promise<string[]> {
    if (held.length === 0) return [];
    const rows = await this.sql<{ name: string }[]>`UPDATE whatsapp.sessions
      SET lease_expires_at = now() + make_interval(secs => ${this.worker.leaseSeconds})
      WHERE owner_worker = ${this.worker.id} AND name IN ${this.sql(held)} RETURNING name`;
    return rows.map((row) => row.name);
  }

  /** On start: sessions a previous process with this WORKER_ID owned are free again at once. */
  async releaseLeftovers(): Promise<void> {
    await this.sql`UPDATE whatsapp.sessions SET owner_worker = NULL, lease_expires_at = NULL WHERE owner_worker = ${this.worker.id}`;
  }

  /** Takes up to `limit` running sessions that nobody owns or whose lease expired. */
  async claimExpired(limit: number): Promise<RegistryRow[]> {
    if (limit <= 0) return [];
    const rows = await this.sql<SessionRow[]>`UPDATE whatsapp.sessions s
      SET owner_worker = ${this.worker.id}, lease_expires_at = now() + make_interval(secs => ${this.worker.leaseSeconds})
      WHERE s.name IN (
        SELECT name FROM whatsapp.sessions
        WHERE running AND (owner_worker IS NULL OR lease_expires_at < now())
        ORDER BY created_at, name LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      AND (s.owner_worker IS NULL OR s.lease_expires_at < now())
      RETURNING s.*`;
    return rows.map(toRow);
  }

  /** Takes one session (running or not) if it is free: a request for it reached this worker. */
  async claim(name: string): Promise<RegistryRow | null> {
    const rows = await this.sql<SessionRow[]>`UPDATE whatsapp.sessions
      SET owner_worker = ${this.worker.id}, lease_expires_at = now() + make_interval(secs => ${this.worker.leaseSeconds})
      WHERE name = ${name} AND (owner_worker IS NULL OR lease_expires_at < now() OR owner_worker = ${this.worker.id})
      RETURNING *`;
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Registers a new session owned by this worker; false when the name is taken. */
  async create(record: SessionRecord): Promise<boolean> {
    const rows = await this.sql`INSERT INTO whatsapp.sessions (name, config, running, owner_worker, lease_expires_at, created_at)
      VALUES (${record.name}, ${JSON.stringify(record.config)}::text::jsonb, ${record.running}, ${this.worker.id},
        now() + make_interval(secs => ${this.worker.leaseSeconds}), ${record.createdAt})
      ON CONFLICT (name) DO NOTHING RETURNING name`;
    return rows.length > 0;
  }

  /** Gives sessions back: their lease ends now, so another worker claims them at its next round. */
  async release(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.sql`UPDATE whatsapp.sessions SET owner_worker = NULL, lease_expires_at = NULL
      WHERE owner_worker = ${this.worker.id} AND name IN ${this.sql(names)}`;
  }

  async get(name: string): Promise<RegistryRow | null> {
    const rows = await this.sql<SessionRow[]>`SELECT * FROM whatsapp.sessions WHERE name = ${name}`;
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(): Promise<RegistryRow[]> {
    const rows = await this.sql<SessionRow[]>`SELECT * FROM whatsapp.sessions ORDER BY created_at, name`;
    return rows.map(toRow);
  }

  /** A live worker's address (its heartbeat within the lease), or null. */
  async workerUrl(id: string): Promise<string | null> {
    const rows = await this.sql<{ url: string }[]>`SELECT url FROM whatsapp.workers
      WHERE id = ${id} AND heartbeat_at > now() - make_interval(secs => ${this.worker.leaseSeconds})`;
    return rows[0]?.url ?? null;
  }

  async workers(): Promise<WorkerRow[]> {
    const rows = await this.sql<{ id: string; url: string; capacity: number; heartbeat_at: Date }[]>`SELECT * FROM whatsapp.workers ORDER BY id`;
    return rows.map((row) => ({ id: row.id, url: row.url, capacity: row.capacity, heartbeatAt: row.heartbeat_at }));
  }

  async removeWorker(): Promise<void> {
    await this.sql`DELETE FROM whatsapp.workers WHERE id = ${this.worker.id}`;
  }
}
