import type { Database } from "bun:sqlite";
import type { WebhookConfig } from "../sessions/session-schemas.ts";

/** Where one event goes: the webhook's settings, frozen when the event was created. */
export type DeliveryTarget = Pick<WebhookConfig, "url" | "hmac" | "retries" | "customHeaders">;

/** One event waiting for one webhook. `queue` groups what must arrive in order (session + url). */
export type PendingDelivery = { seq: number; queue: string; target: DeliveryTarget; body: string; attempt: number };

/**
 * Deliveries not yet done, persisted so that a restart loses none: a row is added when the event is
 * created and removed once it is delivered or its retries are used up.
 */
export interface WebhookOutbox {
  add(queue: string, target: DeliveryTarget, body: string): number;
  /** The oldest pending delivery of a queue. */
  next(queue: string): PendingDelivery | null;
  /** Queues with pending deliveries (to resume them after a restart). */
  queues(): string[];
  setAttempt(seq: number, attempt: number): void;
  /** How many deliveries are pending, optionally for the queues of one session. */
  count(session?: string): number;
  remove(seq: number): void;
}

type OutboxRow = { seq: number; queue: string; target: string; body: string; attempt: number };

/** `WebhookOutbox` on bun:sqlite. */
export function createSqliteWebhookOutbox(db: Database): WebhookOutbox {
  const addQuery = db.query<{ seq: number }, [string, string, string]>(
    "INSERT INTO webhook_outbox (queue, target, body) VALUES (?, ?, ?) RETURNING seq",
  );
  const nextQuery = db.query<OutboxRow, [string]>("SELECT * FROM webhook_outbox WHERE queue = ? ORDER BY seq LIMIT 1");
  const queuesQuery = db.query<{ queue: string }, []>("SELECT queue FROM webhook_outbox GROUP BY queue ORDER BY MIN(seq)");
  const attemptQuery = db.query("UPDATE webhook_outbox SET attempt = ? WHERE seq = ?");
  const removeQuery = db.query("DELETE FROM webhook_outbox WHERE seq = ?");
  const countQuery = db.query<{ count: number }, []>("SELECT COUNT(*) AS count FROM webhook_outbox");
  // Queues are named `<session> <url>`; session names never contain a space.
  const countSessionQuery = db.query<{ count: number }, [string]>("SELECT COUNT(*) AS count FROM webhook_outbox WHERE substr(queue, 1, length(?1) + 1) = ?1 || ' '");
  return {
    add: (queue, target, body) => addQuery.get(queue, JSON.stringify(target), body)?.seq ?? 0,
    next: (queue) => {
      const row = nextQuery.get(queue);
      return row ? { ...row, target: JSON.parse(row.target) as DeliveryTarget } : null;
    },
    queues: () => queuesQuery.all().map((row) => row.queue),
    setAttempt: (seq, attempt) => {
      attemptQuery.run(attempt, seq);
    },
    remove: (seq) => {
      removeQuery.run(seq);
    },
    count: (session) => (session ? countSessionQuery.get(session) : countQuery.get())?.count ?? 0,
  };
}
