import type { SessionStore } from "../sessions/session-store.ts";
import type { WriteQueue } from "./write-queue.ts";

/** Every table that holds a session's data, cleared when the session is deleted. */
const sessionDataTables = ["sandbox_links", "sandbox_messages", "sandbox_state", "sandbox_media", "webhook_outbox", "auth_states"] as const;

/**
 * The registry's local copy, written through to the shared registry: a config or running change
 * made here reaches Postgres in order. A row written here for the first time is owned by this
 * worker (it created the session); ownership itself changes only through `SessionRegistry`.
 */
export function replicatedSessionStore(local: SessionStore, writes: WriteQueue, workerId: string, leaseSeconds: number): SessionStore {
  return {
    list: () => local.list(),
    get: (name) => local.get(name),
    save: (record) => {
      local.save(record);
      writes.push(
        (tx) => tx`INSERT INTO whatsapp.sessions (name, config, running, owner_worker, lease_expires_at, created_at)
          VALUES (${record.name}, ${JSON.stringify(record.config)}::text::jsonb, ${record.running}, ${workerId},
            now() + make_interval(secs => ${leaseSeconds}), ${record.createdAt})
          ON CONFLICT (name) DO UPDATE SET config = excluded.config, running = excluded.running`,
      );
    },
    delete: (name) => {
      local.delete(name);
      writes.push(async (tx) => {
        await tx`DELETE FROM whatsapp.sessions WHERE name = ${name}`;
        for (const table of sessionDataTables) await tx.unsafe(`DELETE FROM whatsapp.${table} WHERE session = $1`, [name]);
      });
    },
  };
}
