import type { DeliveryTarget, WebhookOutbox } from "../webhooks/webhook-outbox.ts";
import type { WriteQueue } from "./write-queue.ts";

/** A pending delivery as Postgres keeps it. */
export type SharedDelivery = { id: string; queue: string; target: string; body: string; attempt: number };

/** The outbox wrapper's extras: rows taken over from Postgres, and rows given back. */
export type ReplicatedOutbox = WebhookOutbox & {
  /** Adds a delivery loaded from Postgres to the local outbox, keeping its shared id. */
  adopt(delivery: SharedDelivery): void;
  /** Forgets the local seqs of deliveries dropped locally without touching Postgres. */
  forgetSeqs(seqs: number[]): void;
};

const sessionOf = (queue: string) => queue.slice(0, queue.indexOf(" "));

/**
 * The webhook outbox, local for speed and written through to Postgres so that another worker
 * that takes the session over sends what is still pending. Local seqs differ from worker to
 * worker, so Postgres rows have ids of their own (`<worker>:<boot>:<seq>`); ordering there is by
 * insertion (`position`), which the write queue keeps.
 */
export function replicatedWebhookOutbox(local: WebhookOutbox, writes: WriteQueue, workerId: string): ReplicatedOutbox {
  const boot = Date.now().toString(36);
  const sharedIds = new Map<number, string>();
  return {
    next: (queue) => local.next(queue),
    queues: () => local.queues(),
    count: (session) => local.count(session),
    add: (queue, target, body) => {
      const seq = local.add(queue, target, body);
      const id = `${workerId}:${boot}:${seq}`;
      sharedIds.set(seq, id);
      const targetJson = JSON.stringify(target satisfies DeliveryTarget);
      writes.push(
        (tx) => tx`INSERT INTO whatsapp.webhook_outbox (id, session, queue, target, body) VALUES (${id}, ${sessionOf(queue)}, ${queue}, ${targetJson}, ${body})
          ON CONFLICT (id) DO NOTHING`,
      );
      return seq;
    },
    setAttempt: (seq, attempt) => {
      local.setAttempt(seq, attempt);
      const id = sharedIds.get(seq);
      if (id) writes.push((tx) => tx`UPDATE whatsapp.webhook_outbox SET attempt = ${attempt} WHERE id = ${id}`);
    },
    remove: (seq) => {
      local.remove(seq);
      const id = sharedIds.get(seq);
      sharedIds.delete(seq);
      if (id) writes.push((tx) => tx`DELETE FROM whatsapp.webhook_outbox WHERE id = ${id}`);
    },
    adopt: (delivery) => {
      const seq = local.add(delivery.queue, JSON.parse(delivery.target) as DeliveryTarget, delivery.body);
      if (delivery.attempt > 0) local.setAttempt(seq, delivery.attempt);
      sharedIds.set(seq, delivery.id);
    },
    forgetSeqs: (seqs) => {
      for (const seq of seqs) sharedIds.delete(seq);
    },
  };
}
