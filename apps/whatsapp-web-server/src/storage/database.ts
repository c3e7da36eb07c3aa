import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Tables of every embedded store; each statement is idempotent, so opening twice is safe. */
const schema = `
  CREATE TABLE IF NOT EXISTS sessions (
    name TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    running INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sandbox_links (
    session TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    push_name TEXT NOT NULL,
    linked_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS webhook_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    queue TEXT NOT NULL,
    target TEXT NOT NULL,
    body TEXT NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 0
  );
`;

/**
 * Opens the service's SQLite database in `<dataDir>/whatsapp/state.sqlite`, or an in-memory one
 * when `dataDir` is null (tests, embedding). WAL keeps readers and the single writer apart.
 */
export function openDatabase(dataDir: string | null): Database {
  let file = ":memory:";
  if (dataDir) {
    const dir = path.join(dataDir, "whatsapp");
    mkdirSync(dir, { recursive: true });
    file = path.join(dir, "state.sqlite");
  }
  const db = new Database(file, { create: true, strict: true });
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
  db.exec(schema);
  return db;
}
