import type { Database } from "bun:sqlite";
import type { SQL } from "bun";
import type { ReplicatedOutbox, SharedDelivery } from "./replicated-outbox.ts";

/**
 * Removes a session's rows from the local working copy (not from Postgres): done when the session
 * leaves this worker, and before its rows are loaded again, so nothing stale survives.
 */
export function dropLocalSessionData(db: Database, outbox: ReplicatedOutbox, session: string): void {
  const queuePrefix = `${session} `;
  const seqs = db
    .query<{ seq: number }, [string]>("SELECT seq FROM webhook_outbox WHERE substr(queue, 1, length(?1)) = ?1")
    .all(queuePrefix)
    .map((row) => row.seq);
  outbox.forgetSeqs(seqs);
  db.transaction(() => {
    db.query("DELETE FROM webhook_outbox WHERE substr(queue, 1, length(?1)) = ?1").run(queuePrefix);
    for (const table of ["sandbox_links", "sandbox_messages", "sandbox_state", "sandbox_media"]) {
      db.query(`DELETE FROM ${table} WHERE session = ?`).run(session);
    }
    db.query("DELETE FROM sessions WHERE name = ?").run(session);
  })();
}

/**
 * Copies a session's data from Postgres into the local working copy before the session starts
 * here: the sandbox link, messages (oldest first), marks and media, and its pending webhook
 * deliveries in their order.
 */
export async function loadSessionData(sql: SQL, db: Database, outbox: ReplicatedOutbox, session: string): Promise<void> {
  const [links, messages, states, media, deliveries] = await Promise.all([
    sql<{ phone: string; push_name: string; linked_at: string }[]>`SELECT phone, push_name, linked_at FROM whatsapp.sandbox_links WHERE session = ${session}`,
    sql<{ id: string; message: string }[]>`SELECT id, message FROM whatsapp.sandbox_messages WHERE session = ${session} ORDER BY seq`,
    sql<{ key: string; value: string }[]>`SELECT key, value FROM whatsapp.sandbox_state WHERE session = ${session}`,
    sql<{ name: string; mimetype: string; bytes: Uint8Array }[]>`SELECT name, mimetype, bytes FROM whatsapp.sandbox_media WHERE session = ${session}`,
    sql<SharedDelivery[]>`SELECT id, queue, target, body, attempt FROM whatsapp.webhook_outbox WHERE session = ${session} ORDER BY position`,
  ]);
  dropLocalSessionData(db, outbox, session);
  db.transaction(() => {
    for (const link of links) {
      db.query("INSERT INTO sandbox_links (session, phone, push_name, linked_at) VALUES (?, ?, ?, ?)").run(session, link.phone, link.push_name, Number(link.linked_at));
    }
    const addMessage = db.query("INSERT INTO sandbox_messages (session, id, message) VALUES (?, ?, ?)");
    for (const message of messages) addMessage.run(session, message.id, message.message);
    const setState = db.query("INSERT INTO sandbox_state (session, key, value) VALUES (?, ?, ?)");
    for (const state of states) setState.run(session, state.key, state.value);
    const saveMedia = db.query("INSERT INTO sandbox_media (session, name, mimetype, bytes) VALUES (?, ?, ?, ?)");
    for (const file of media) saveMedia.run(session, file.name, file.mimetype, file.bytes);
    for (const delivery of deliveries) outbox.adopt(delivery);
  })();
}
