import type { Database } from "bun:sqlite";
import type { SessionConfig } from "./session-schemas.ts";

/** What the registry keeps of a session: enough to bring it back after a restart. */
export type SessionRecord = {
  name: string;
  config: SessionConfig;
  /** Whether the session should be running: started sessions are started again on boot. */
  running: boolean;
  createdAt: number;
};

/**
 * The sessions registry: embedded SQLite. In cluster mode the same store is the worker's local
 * copy, written through to the shared registry in Postgres (`src/cluster/replicated-session-store.ts`).
 */
export interface SessionStore {
  list(): SessionRecord[];
  get(name: string): SessionRecord | null;
  save(record: SessionRecord): void;
  delete(name: string): void;
}

type SessionRow = { name: string; config: string; running: number; created_at: number };

const toRecord = (row: SessionRow): SessionRecord => ({
  name: row.name,
  config: JSON.parse(row.config) as SessionConfig,
  running: row.running === 1,
  createdAt: row.created_at,
});

/** `SessionStore` on bun:sqlite. */
export function createSqliteSessionStore(db: Database): SessionStore {
  const listQuery = db.query<SessionRow, []>("SELECT * FROM sessions ORDER BY created_at, name");
  const getQuery = db.query<SessionRow, [string]>("SELECT * FROM sessions WHERE name = ?");
  const saveQuery = db.query(
    `INSERT INTO sessions (name, config, running, created_at) VALUES ($name, $config, $running, $createdAt)
     ON CONFLICT (name) DO UPDATE SET config = excluded.config, running = excluded.running`,
  );
  const deleteQuery = db.query("DELETE FROM sessions WHERE name = ?");
  return {
    list: () => listQuery.all().map(toRecord),
    get: (name) => {
      const row = getQuery.get(name);
      return row ? toRecord(row) : null;
    },
    save: (record) => {
      saveQuery.run({
        name: record.name,
        config: JSON.stringify(record.config),
        running: record.running ? 1 : 0,
        createdAt: record.createdAt,
      });
    },
    delete: (name) => {
      deleteQuery.run(name);
    },
  };
}
