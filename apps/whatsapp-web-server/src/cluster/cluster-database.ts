import { SQL } from "bun";

/**
 * The cluster's tables, in a `whatsapp` schema of their own (the API server's migrations never
 * touch it). Each statement is idempotent, so every worker runs them on start.
 */
const schema = [
  "CREATE SCHEMA IF NOT EXISTS whatsapp",
  `CREATE TABLE IF NOT EXISTS whatsapp.workers (
     id text PRIMARY KEY,
     url text NOT NULL,
     capacity integer NOT NULL,
     heartbeat_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS whatsapp.sessions (
     name text PRIMARY KEY,
     config jsonb NOT NULL,
     running boolean NOT NULL,
     status text NOT NULL DEFAULT 'STOPPED',
     owner_worker text,
     lease_expires_at timestamptz,
     created_at bigint NOT NULL
   )`,
  "CREATE INDEX IF NOT EXISTS sessions_by_owner ON whatsapp.sessions (owner_worker)",
  `CREATE TABLE IF NOT EXISTS whatsapp.sandbox_links (
     session text PRIMARY KEY, phone text NOT NULL, push_name text NOT NULL, linked_at bigint NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS whatsapp.sandbox_messages (
     seq bigserial PRIMARY KEY, session text NOT NULL, id text NOT NULL, message text NOT NULL, UNIQUE (session, id)
   )`,
  "CREATE INDEX IF NOT EXISTS sandbox_messages_by_session ON whatsapp.sandbox_messages (session, seq)",
  `CREATE TABLE IF NOT EXISTS whatsapp.sandbox_state (
     session text NOT NULL, key text NOT NULL, value text NOT NULL, PRIMARY KEY (session, key)
   )`,
  `CREATE TABLE IF NOT EXISTS whatsapp.sandbox_media (
     session text NOT NULL, name text NOT NULL, mimetype text NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (session, name)
   )`,
  `CREATE TABLE IF NOT EXISTS whatsapp.webhook_outbox (
     id text PRIMARY KEY,
     position bigserial NOT NULL,
     session text NOT NULL,
     queue text NOT NULL,
     target text NOT NULL,
     body text NOT NULL,
     attempt integer NOT NULL DEFAULT 0
   )`,
  "CREATE INDEX IF NOT EXISTS webhook_outbox_by_session ON whatsapp.webhook_outbox (session, position)",
  `CREATE TABLE IF NOT EXISTS whatsapp.auth_states (
     session text PRIMARY KEY, archive bytea NOT NULL, saved_at timestamptz NOT NULL DEFAULT now()
   )`,
];

/**
 * Connects to the cluster's Postgres (Bun's built-in client) and creates the tables if needed.
 * Two workers starting together may race on `CREATE … IF NOT EXISTS`; an advisory lock orders them.
 */
export async function openClusterDatabase(url: string): Promise<SQL> {
  const sql = new SQL(url, { max: 8 });
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('whatsapp.schema'))`;
    for (const statement of schema) await tx.unsafe(statement);
  });
  return sql;
}
