/** Any failure of a call to the WhatsApp service. `retryable` says whether trying again may help. */
export class WahaError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WahaError";
  }
}

/** The service answered with an error status; its JSON body (NestJS-shaped) is kept. */
export class WahaHttpError extends WahaError {
  constructor(
    operation: string,
    readonly status: number,
    readonly body: unknown,
    /** From `Retry-After` on a 429 or 503, in seconds. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${operation} answered ${status}: ${describeBody(body)}`, operation, status === 429 || status >= 500);
    this.name = "WahaHttpError";
  }
}

/** No answer within the client's timeout; the request may or may not have been carried out. */
export class WahaTimeoutError extends WahaError {
  constructor(operation: string, timeoutMs: number) {
    super(`${operation} timed out after ${timeoutMs} ms`, operation, true);
    this.name = "WahaTimeoutError";
  }
}

/** The service could not be reached (refused, reset, DNS). */
export class WahaNetworkError extends WahaError {
  constructor(operation: string, cause: unknown) {
    super(`${operation} could not reach the WhatsApp service: ${cause instanceof Error ? cause.message : String(cause)}`, operation, true, { cause });
    this.name = "WahaNetworkError";
  }
}

function describeBody(body: unknown): string {
  if (body && typeof body === "object" && "message" in body) {
    const message = (body as { message: unknown }).message;
    return Array.isArray(message) ? message.join("; ") : String(message);
  }
  return typeof body === "string" ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200) ?? "no body";
}

/** Seconds from a `Retry-After` header (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
