import type { Database } from "bun:sqlite";
import type { WAMessage } from "../../waha/types.ts";

/** A session's messages by id, oldest first; bounded, the oldest are forgotten first. */
export interface MessageStore {
  /** Adds or replaces (an edit or a new ack keeps the message's place). */
  add(message: WAMessage): void;
  get(id: string): WAMessage | null;
  delete(id: string): void;
  /** Oldest first. */
  all(): WAMessage[];
  clear(): void;
}

/** Small per-session values (unread and archived marks, …) kept as JSON. */
export interface StateStore {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  clear(): void;
}

/** A stored media file: what `GET /api/files/{session}/{file}` serves. */
export type StoredMedia = { bytes: Uint8Array; mimetype: string };

export interface MediaStore {
  save(name: string, media: StoredMedia): void;
  read(name: string): StoredMedia | null;
  clear(): void;
}

/**
 * What a SANDBOX session keeps across stops and restarts: its messages, marks and media. Each
 * session sees only its own; `forget` drops them all (a logout unlinks the device).
 */
export interface SandboxStore {
  messages(session: string): MessageStore;
  state(session: string): StateStore;
  media(session: string): MediaStore;
}

const MESSAGE_CAPACITY = 1_000;

type Queries = ReturnType<typeof prepare>;

function prepare(db: Database) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sandbox_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      session TEXT NOT NULL,
      id TEXT NOT NULL,
      message TEXT NOT NULL,
      UNIQUE (session, id)
    );
    CREATE INDEX IF NOT EXISTS sandbox_messages_by_session ON sandbox_messages (session, seq);
    CREATE TABLE IF NOT EXISTS sandbox_state (session TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (session, key));
    CREATE TABLE IF NOT EXISTS sandbox_media (session TEXT NOT NULL, name TEXT NOT NULL, mimetype TEXT NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (session, name));
  `);
  return {
    addMessage: db.query(
      "INSERT INTO sandbox_messages (session, id, message) VALUES (?, ?, ?) ON CONFLICT (session, id) DO UPDATE SET message = excluded.message",
    ),
    trimMessages: db.query(
      `DELETE FROM sandbox_messages WHERE session = ?1 AND seq <= (
         SELECT seq FROM sandbox_messages WHERE session = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2)`,
    ),
    getMessage: db.query<{ message: string }, [string, string]>("SELECT message FROM sandbox_messages WHERE session = ? AND id = ?"),
    deleteMessage: db.query("DELETE FROM sandbox_messages WHERE session = ? AND id = ?"),
    allMessages: db.query<{ message: string }, [string]>("SELECT message FROM sandbox_messages WHERE session = ? ORDER BY seq"),
    clearMessages: db.query("DELETE FROM sandbox_messages WHERE session = ?"),
    getState: db.query<{ value: string }, [string, string]>("SELECT value FROM sandbox_state WHERE session = ? AND key = ?"),
    setState: db.query("INSERT INTO sandbox_state (session, key, value) VALUES (?, ?, ?) ON CONFLICT (session, key) DO UPDATE SET value = excluded.value"),
    clearState: db.query("DELETE FROM sandbox_state WHERE session = ?"),
    saveMedia: db.query(
      "INSERT INTO sandbox_media (session, name, mimetype, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (session, name) DO UPDATE SET mimetype = excluded.mimetype, bytes = excluded.bytes",
    ),
    readMedia: db.query<{ mimetype: string; bytes: Uint8Array }, [string, string]>("SELECT mimetype, bytes FROM sandbox_media WHERE session = ? AND name = ?"),
    clearMedia: db.query("DELETE FROM sandbox_media WHERE session = ?"),
  };
}

function messageStore(q: Queries, session: string, capacity: number): MessageStore {
  return {
    add: (message) => {
      q.addMessage.run(session, message.id, JSON.stringify(message));
      q.trimMessages.run(session, capacity);
    },
    get: (id) => {
      const row = q.getMessage.get(session, id);
      return row ? (JSON.parse(row.message) as WAMessage) : null;
    },
    delete: (id) => void q.deleteMessage.run(session, id),
    all: () => q.allMessages.all(session).map((row) => JSON.parse(row.message) as WAMessage),
    clear: () => void q.clearMessages.run(session),
  };
}

/**
 * `SandboxStore` on bun:sqlite: the service's database (`state.sqlite` in the data dir, or in
 * memory without one), so a restart finds the chats, messages, acks and media as they were.
 */
export function createSqliteSandboxStore(db: Database, capacity = MESSAGE_CAPACITY): SandboxStore {
  const q = prepare(db);
  return {
    messages: (session) => messageStore(q, session, capacity),
    state: (session) => ({
      get: <T>(key: string) => {
        const row = q.getState.get(session, key);
        return row ? (JSON.parse(row.value) as T) : null;
      },
      set: (key, value) => void q.setState.run(session, key, JSON.stringify(value)),
      clear: () => void q.clearState.run(session),
    }),
    media: (session) => ({
      save: (name, media) => void q.saveMedia.run(session, name, media.mimetype, media.bytes),
      read: (name) => {
        const row = q.readMedia.get(session, name);
        return row ? { mimetype: row.mimetype, bytes: new Uint8Array(row.bytes) } : null;
      },
      clear: () => void q.clearMedia.run(session),
    }),
  };
}
