import { currentRequestId } from "@nexis/observability";
import type { Logger } from "../logger.ts";
import type { WebhookConfig } from "../sessions/session-schemas.ts";
import { DeliveryLog } from "./delivery-log.ts";
import type { WebhookEnvelope } from "./envelope.ts";
import { retryDelayMs } from "./retry-policy.ts";
import type { PendingDelivery, WebhookOutbox } from "./webhook-outbox.ts";
import { sendWebhook } from "./webhook-sender.ts";

/** Whether a webhook subscribed to an event (`*` subscribes to all, as in WAHA). */
export function subscribes(webhook: WebhookConfig, event: string): boolean {
  return webhook.events.includes("*") || webhook.events.includes(event);
}

/** Events of one session to one URL share a queue: they arrive in order. */
const queueName = (session: string, url: string) => `${session} ${url}`;
/** Session names never contain a space, so the queue's session is what precedes the first one. */
const queueSession = (queue: string) => queue.slice(0, queue.indexOf(" "));

/** What the log needs from a body that may come back from the outbox after a restart. */
function describe(body: string): { eventId: string; event: string; session: string } {
  try {
    const parsed = JSON.parse(body) as { id?: string; event?: string; session?: string };
    return { eventId: parsed.id ?? "", event: parsed.event ?? "", session: parsed.session ?? "" };
  } catch {
    return { eventId: "", event: "", session: "" };
  }
}

/**
 * Delivers webhook events at least once, in order per session and webhook URL: each such queue
 * sends its oldest event, retrying it by the webhook's `retries` policy, before the next one.
 * Events wait in the outbox, so those still pending at shutdown go out after the next start.
 */
export class WebhookDispatcher {
  private readonly running = new Set<string>();
  private readonly timers = new Map<ReturnType<typeof setTimeout>, { queue: string; resolve: () => void }>();
  /** Sessions whose deliveries are held (cluster mode: a session handed to another worker). */
  private readonly paused = new Set<string>();
  private closed = false;
  /** Recent attempts, for `GET /api/x/webhooks`. */
  readonly log = new DeliveryLog();

  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly logger: Logger,
  ) {}

  /** Queues an event for every webhook of the session that subscribed to it. */
  dispatch(webhooks: readonly WebhookConfig[], envelope: WebhookEnvelope): void {
    const body = JSON.stringify(envelope);
    // The request that caused the event (a send, a scan…), so the receiver's logs can follow it.
    const requestId = currentRequestId();
    for (const webhook of webhooks) {
      if (!subscribes(webhook, envelope.event)) continue;
      const queue = queueName(envelope.session, webhook.url);
      const { url, hmac, retries } = webhook;
      const customHeaders = requestId ? [...(webhook.customHeaders ?? []), { name: "X-Request-Id", value: requestId }] : webhook.customHeaders;
      this.outbox.add(queue, { url, hmac, retries, customHeaders }, body);
      void this.drain(queue);
    }
  }

  /** Resumes the queues left pending by a previous run. */
  resume(): void {
    for (const queue of this.outbox.queues()) void this.drain(queue);
  }

  /** Stops sending; what is still pending stays in the outbox for the next start. */
  close(): void {
    this.closed = true;
    for (const [timer, { resolve }] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }

  /**
   * Holds a session's deliveries and waits for the one in flight to end (a retry wait is cut
   * short), so that another worker can take its outbox rows without sending one twice.
   */
  async pause(session: string): Promise<void> {
    this.paused.add(session);
    for (const [timer, { queue, resolve }] of this.timers) {
      if (queueSession(queue) !== session) continue;
      clearTimeout(timer);
      this.timers.delete(timer);
      resolve();
    }
    while ([...this.running].some((queue) => queueSession(queue) === session)) await Bun.sleep(10);
  }

  /** Lets a session's deliveries go again (cluster mode: a session taken over). */
  unpause(session: string): void {
    this.paused.delete(session);
    for (const queue of this.outbox.queues()) if (queueSession(queue) === session) void this.drain(queue);
  }

  /** How many deliveries wait in the outbox (for a session, or in all). */
  pending(session?: string): number {
    return this.outbox.count(session);
  }

  /** Whether a queue is still sending (tests wait for it to settle). */
  get idle(): boolean {
    return this.running.size === 0;
  }

  /** Whether a queue must stop sending: the dispatcher closed or its session is paused. */
  private held(queue: string): boolean {
    return this.closed || this.paused.has(queueSession(queue));
  }

  private async drain(queue: string): Promise<void> {
    if (this.running.has(queue) || this.held(queue)) return;
    this.running.add(queue);
    try {
      let delivery = this.outbox.next(queue);
      while (delivery && !this.held(queue)) {
        // After close the database may be gone: a delivered event then stays pending (sent again).
        if (!(await this.deliver(delivery)) || this.closed) return;
        this.outbox.remove(delivery.seq);
        delivery = this.outbox.next(queue);
      }
    } catch (error) {
      this.logger.error(`webhook queue ${queue} failed`, error);
    } finally {
      this.running.delete(queue);
    }
  }

  /**
   * Tries until delivered or out of retries (then the event is dropped and logged): true when the
   * delivery is done with; false when it stopped early (closed or paused) and stays pending.
   */
  private async deliver(delivery: PendingDelivery): Promise<boolean> {
    // Failures so far: after a restart the count continues, but the first try of a run is
    // immediate (the previous run already waited, possibly for longer than the delay).
    let failures = delivery.attempt;
    let firstTry = true;
    const about = { ...describe(delivery.body), url: delivery.target.url };
    while (!this.held(delivery.queue)) {
      if (failures > 0) {
        const delay = retryDelayMs(delivery.target.retries, failures);
        if (delay === null) {
          this.log.add({ ...about, attempt: failures, status: null, outcome: "dropped", error: "retries used up", at: Date.now() });
          this.logger.warn(`webhook to ${delivery.target.url} dropped after ${failures} attempts`);
          return true;
        }
        if (!firstTry) await this.sleep(delay, delivery.queue);
        if (this.held(delivery.queue)) return false;
      }
      firstTry = false;
      const result = await sendWebhook(delivery.target, delivery.body);
      this.log.add({
        ...about,
        attempt: failures + 1,
        status: result.status,
        outcome: result.ok ? "delivered" : "failed",
        error: result.ok ? null : result.error,
        at: Date.now(),
      });
      if (result.ok) return true;
      failures += 1;
      this.logger.debug(`webhook to ${delivery.target.url} failed (attempt ${failures}): ${result.error}`);
      this.outbox.setAttempt(delivery.seq, failures);
    }
    return false;
  }

  /** Waits, or less if the dispatcher closes or the queue's session is paused meanwhile. */
  private sleep(ms: number, queue: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, { queue, resolve });
    });
  }
}
