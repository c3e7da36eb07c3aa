import type { ServerOptions } from "node:http";

export interface HttpTimeouts {
  /** The whole request, body included, must arrive within this. Default 30 s. */
  requestTimeoutMs?: number;
  /** The headers must arrive within this. Default 15 s. */
  headersTimeoutMs?: number;
  /** How often Node checks for requests past those limits. Default 2 s. */
  checkIntervalMs?: number;
}

/**
 * Node HTTP server options that bound how long a client may take to send its request, so
 * slow-body ("slowloris") clients cannot hold connections open; a late one gets 408 and is closed.
 * Live streams (SSE) are long responses, not long requests: unaffected.
 */
export function httpTimeoutOptions(timeouts: HttpTimeouts = {}): ServerOptions {
  const requestTimeout = timeouts.requestTimeoutMs ?? 30_000;
  return {
    requestTimeout,
    headersTimeout: Math.min(timeouts.headersTimeoutMs ?? 15_000, requestTimeout),
    connectionsCheckingInterval: timeouts.checkIntervalMs ?? 2_000,
  };
}
