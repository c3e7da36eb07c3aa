/** One HTTP attempt to deliver an event, as `GET /api/x/webhooks` shows it. */
export type DeliveryAttempt = {
  eventId: string;
  event: string;
  session: string;
  url: string;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  outcome: "delivered" | "failed" | "dropped";
  error: string | null;
  at: number;
};

/** The most recent attempts, in memory (a bounded ring: the log is for looking, not for keeping). */
export class DeliveryLog {
  private readonly entries: DeliveryAttempt[] = [];
  private readonly listeners = new Set<(entry: DeliveryAttempt) => void>();

  constructor(private readonly capacity = 500) {}

  add(entry: DeliveryAttempt): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    for (const listener of this.listeners) listener(entry);
  }

  /** Calls `listener` for every attempt from now on (metrics count them); returns the unsubscribe. */
  onAttempt(listener: (entry: DeliveryAttempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Newest first, optionally for one session. */
  recent(options: { session?: string; limit?: number } = {}): DeliveryAttempt[] {
    const matching = options.session ? this.entries.filter((entry) => entry.session === options.session) : this.entries;
    return matching.slice(-(options.limit ?? 100)).reverse();
  }
}
