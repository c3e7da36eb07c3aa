const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendPacing {
  /** Runs `task` after the number's earlier sends (in this process), spaced as a person would. */
  run<T>(accountId: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Burst shaping per number: its sends go one at a time, and a send that follows another within
 * `jitterMs` waits a random gap (0 to `jitterMs` after the previous one), so a burst does not
 * leave at machine speed. The first message after a pause leaves at once: jitter costs a lone
 * message nothing.
 */
export function createSendPacing(options: { jitterMs: number }): SendPacing {
  const tails = new Map<string, Promise<unknown>>();
  const lastSentAt = new Map<string, number>();

  return {
    run(accountId, task) {
      const previous = tails.get(accountId) ?? Promise.resolve();
      const next = previous.then(async () => {
        const last = lastSentAt.get(accountId);
        if (last !== undefined && options.jitterMs > 0) {
          const wait = last + Math.random() * options.jitterMs - Date.now();
          if (wait > 0) await sleep(wait);
        }
        try {
          return await task();
        } finally {
          lastSentAt.set(accountId, Date.now());
        }
      });
      // The chain goes on after a failed task; the caller still sees the failure.
      const tail = next.catch(() => undefined);
      tails.set(accountId, tail);
      void tail.then(() => {
        if (tails.get(accountId) === tail) tails.delete(accountId);
      });
      return next;
    },
  };
}
