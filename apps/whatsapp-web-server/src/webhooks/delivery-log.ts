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

  constructor(private readonly capacity = 500) {}

  add(entry: DeliveryAttempt): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Newest first, optionally for one session. */
  recent(options: { session?: string; limit?: number } = {}): DeliveryAttempt[] {
    const matching = options.session ? this.entries.filter((entry) => entry.session === options.session) : this.entries;
    return matching.slice(-(options.limit ?? 100)).reverse();
  }
}
