import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** The header that carries a request id between our services (and back on webhooks). */
export const requestIdHeader = "x-request-id";

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** A request id we accept from a caller: short and plain, so it cannot forge log lines. */
const acceptedRequestId = /^[\w.:-]{1,64}$/;

/** The caller's id when it is well formed, else a new one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && acceptedRequestId.test(header) ? header : randomUUID();
}

/** Runs `work` with `requestId` on every log line it writes and every service call it makes. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/**
 * Sets the request id for the rest of the current async flow, for frameworks whose hooks cannot
 * wrap the handler in a callback (Elysia's `onRequest`).
 */
export function enterRequestId(requestId: string): void {
  storage.enterWith({ requestId });
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
