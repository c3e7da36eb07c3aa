import type { WebhookConfig } from "../sessions/session-schemas.ts";

export type RetriesConfig = NonNullable<WebhookConfig["retries"]>;

/** WAHA's defaults when a webhook sets no `retries`. */
export const defaultRetries = { delaySeconds: 2, attempts: 15, policy: "linear" } as const;

/**
 * How long to wait before retry number `retry` (1 for the first retry), by WAHA's policies:
 * constant waits `delaySeconds` each time, linear `delaySeconds × retry`, exponential
 * `delaySeconds × 2^(retry-1)`. Returns null when the retries are used up (`attempts` counts the
 * retries after the first try, as axios-retry does in WAHA).
 */
export function retryDelayMs(retries: RetriesConfig | null | undefined, retry: number): number | null {
  const attempts = retries?.attempts ?? defaultRetries.attempts;
  if (retry > attempts) return null;
  const delayMs = (retries?.delaySeconds ?? defaultRetries.delaySeconds) * 1000;
  switch (retries?.policy ?? defaultRetries.policy) {
    case "constant":
      return delayMs;
    case "exponential":
      return delayMs * 2 ** (retry - 1);
    case "linear":
      return delayMs * retry;
  }
}
