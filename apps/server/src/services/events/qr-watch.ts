import { type WahaApiClient, WahaHttpError } from "@nexis/waha-client";
import type { EventBus } from "./workspace-events.ts";

export interface QrWatchOptions {
  events: EventBus;
  client: WahaApiClient;
  /** How often to read a waiting session's QR. Default 1 s (WhatsApp shows a new one every ~20 s). */
  intervalMs?: number;
  /** Gives up on a session still waiting after this long (WhatsApp stops rotating by then). Default 5 min. */
  maxWatchMs?: number;
}

/**
 * Turns QR rotations into live events. WAHA reports `SCAN_QR_CODE` once (a `session.status`
 * webhook), not each new QR, so while a session waits for a scan this instance (the one that
 * published that status) reads the QR value from the service and publishes `{ type: "qr" }` when
 * it changes; the client then refetches `account.qr`. The value itself never enters the stream.
 * Watching stops when the session's status moves on, the service says there is no QR, or after
 * `maxWatchMs`.
 */
export function watchQrCodes(options: QrWatchOptions): { close(): void } {
  const intervalMs = options.intervalMs ?? 1_000;
  const maxWatchMs = options.maxWatchMs ?? 5 * 60_000;
  const watching = new Map<string, { workspaceId: string; timer: ReturnType<typeof setInterval>; last: string | null; until: number; busy: boolean; failures: number }>();

  function stop(accountId: string) {
    const watch = watching.get(accountId);
    if (!watch) return;
    clearInterval(watch.timer);
    watching.delete(accountId);
  }

  async function poll(accountId: string) {
    const watch = watching.get(accountId);
    if (!watch || watch.busy) return;
    if (Date.now() > watch.until) return stop(accountId);
    watch.busy = true;
    try {
      const { value } = await options.client.getQRValue(accountId);
      watch.failures = 0;
      if (value && value !== watch.last && watching.get(accountId) === watch) {
        watch.last = value;
        options.events.publish(watch.workspaceId, { type: "qr", accountId });
      }
    } catch (error) {
      // No QR any more (linked, failed, removed); an unreachable service is tried a few more times.
      watch.failures += 1;
      if ((error instanceof WahaHttpError && error.status < 500) || watch.failures >= 5) stop(accountId);
    } finally {
      watch.busy = false;
    }
  }

  function start(workspaceId: string, accountId: string) {
    if (watching.has(accountId)) return;
    const timer = setInterval(() => void poll(accountId), intervalMs);
    timer.unref();
    watching.set(accountId, { workspaceId, timer, last: null, until: Date.now() + maxWatchMs, busy: false, failures: 0 });
    void poll(accountId);
  }

  const unsubscribe = options.events.onPublish((workspaceId, event) => {
    if (event.type !== "account") return;
    if (event.status === "SCAN_QR_CODE") start(workspaceId, event.accountId);
    else stop(event.accountId);
  });

  return {
    close() {
      unsubscribe();
      for (const accountId of [...watching.keys()]) stop(accountId);
    },
  };
}
