import { HttpError } from "../../errors.ts";

const windowMs = 60_000;

/**
 * A send limit set on demand (`POST /api/sandbox/{session}/rate-limit`), to rehearse WhatsApp's
 * throttling: past `perMinute` sends in a sliding minute, sending answers 429 with `Retry-After`.
 */
export class SandboxRateLimit {
  private perMinute: number | null = null;
  private sentAt: number[] = [];

  set(perMinute: number | null): void {
    this.perMinute = perMinute;
    this.sentAt = [];
  }

  get limit(): number | null {
    return this.perMinute;
  }

  /** Counts one send, or throws a 429 `HttpError` when the limit is reached. */
  take(now = Date.now()): void {
    if (this.perMinute === null) return;
    this.sentAt = this.sentAt.filter((at) => at > now - windowMs);
    const oldest = this.sentAt[0];
    if (this.sentAt.length >= this.perMinute && oldest !== undefined) {
      const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
      throw new HttpError(429, `Rate limit reached: ${this.perMinute} messages per minute`, { "Retry-After": String(retryAfter) });
    }
    this.sentAt.push(now);
  }
}
