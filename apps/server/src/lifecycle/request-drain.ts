import type { Http2Bindings, HttpBindings } from "@hono/node-server";

type FetchHandler = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

export interface RequestDrain {
  /** The app's fetch, counting requests in flight and keeping each live stream (SSE) closable. */
  wrap(fetch: FetchHandler): FetchHandler;
  /**
   * From now on a new request gets 503 with Retry-After and every response closes its
   * connection; each open live stream ends with an SSE `retry:` hint, so the browser's
   * EventSource reconnects (to another instance) after `retryAfterMs` and resumes from its
   * Last-Event-ID.
   */
  start(): void;
  /** Resolves once no request is in flight (live streams do not count: `start` ends them). */
  idle(): Promise<void>;
  readonly inFlight: number;
  readonly openStreams: number;
}

const encoder = new TextEncoder();

/**
 * Tracks what the API server is serving so a shutdown can stop taking requests, end live
 * streams on purpose (Node's `server.close()` would otherwise wait for them for ever) and wait
 * for the rest.
 */
export function createRequestDrain(options: { retryAfterMs: number }): RequestDrain {
  let draining = false;
  let inFlight = 0;
  const streams = new Set<() => void>();
  const idleWaiters = new Set<() => void>();
  const retryAfterSeconds = String(Math.max(1, Math.ceil(options.retryAfterMs / 1000)));

  function settled() {
    inFlight -= 1;
    if (inFlight > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters.clear();
  }

  /**
   * The stream's bytes, passed through until `end`: a comment and a `retry:` field (an SSE block
   * without data, so no event fires), then the end of the body. The app's own stream is
   * cancelled, which ends its subscription (and frees its per-user slot).
   */
  function closableStream(response: Response): Response {
    const source = (response.body as ReadableStream<Uint8Array>).getReader();
    let ended = false;
    let end = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        end = () => {
          if (ended) return;
          ended = true;
          streams.delete(end);
          controller.enqueue(encoder.encode(`: server shutting down\nretry: ${options.retryAfterMs}\n\n`));
          controller.close();
          void source.cancel().catch(() => undefined);
        };
        streams.add(end);
      },
      async pull(controller) {
        const chunk = await source.read().catch(() => ({ done: true as const, value: undefined }));
        if (ended) return;
        if (chunk.done) {
          ended = true;
          streams.delete(end);
          controller.close();
        } else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        ended = true;
        streams.delete(end);
        return source.cancel(reason);
      },
    });
    const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    if (draining) end();
    return wrapped;
  }

  function closingConnection(response: Response): Response {
    try {
      response.headers.set("connection", "close");
      return response;
    } catch {
      // Immutable headers (a proxied fetch response): copy them.
      const headers = new Headers(response.headers);
      headers.set("connection", "close");
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
  }

  return {
    wrap(fetch) {
      return async (request, env) => {
        if (draining) {
          return new Response(JSON.stringify({ error: "The server is restarting; try again shortly" }), {
            status: 503,
            headers: { "content-type": "application/json", "retry-after": retryAfterSeconds, connection: "close" },
          });
        }
        inFlight += 1;
        try {
          const response = await fetch(request, env);
          if (response.body && response.headers.get("content-type")?.startsWith("text/event-stream")) return closableStream(response);
          return draining ? closingConnection(response) : response;
        } finally {
          settled();
        }
      };
    },
    start() {
      draining = true;
      for (const end of [...streams]) end();
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.add(resolve));
    },
    get inFlight() {
      return inFlight;
    },
    get openStreams() {
      return streams.size;
    },
  };
}
