import type { Server } from "node:http";
import type { Logger } from "@nexis/observability";
import type { RequestDrain } from "./request-drain.ts";

export interface GracefulShutdownOptions {
  server: Server;
  drain: RequestDrain;
  /** In-flight requests and queue jobs get this long (SHUTDOWN_TIMEOUT_MS); then connections are cut. */
  timeoutMs: number;
  logger: Logger;
  /** Stops taking queued work and resolves once the job in hand is done (the outbound worker). */
  stopWorkers(): Promise<void>;
  /** Closes the database and Redis clients and flushes error reports, once nothing uses them. */
  closeResources(): Promise<void>;
  /** Default `process.exit`; tests pass their own. */
  exit?: (code: number) => void;
  /** The signals that start it; default SIGTERM and SIGINT (tests pass none and call `shutdown`). */
  signals?: NodeJS.Signals[];
}

/** Closing clients after the drain gets this long on its own: a hung socket must not keep the process. */
const closeResourcesMs = 5_000;

const timeout = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms).unref());

/**
 * Runs the API server's shutdown once, on SIGTERM or SIGINT: stop listening and refuse new
 * requests (503, Retry-After), end live streams with a retry hint, let requests and the
 * outbound job in hand finish within `timeoutMs`, cut what is left, close clients, exit 0.
 * Returns `shutdown` for callers that stop the server themselves.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): { shutdown(reason: string): Promise<void> } {
  const { server, drain, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | null = null;

  async function run(reason: string) {
    const startedAt = Date.now();
    logger.info(`${reason}: shutting down (up to ${options.timeoutMs} ms for ${drain.inFlight} requests in flight and queued work; ${drain.openStreams} live streams told to reconnect)`);
    drain.start();
    const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections left idle by a finished request or an ended stream; new ones cannot come.
    const sweepIdle = setInterval(() => server.closeIdleConnections(), 200);
    // The worker stops alongside: a send queued by a request still in flight stays in the outbox,
    // where another instance's sweep (or this one's after a restart) picks it up.
    const work = Promise.all([
      drain.idle().then(() => server.closeIdleConnections()),
      options.stopWorkers().catch((error: unknown) => logger.warn("the outbound worker did not stop cleanly", error)),
    ]);
    // Then a moment for the last responses to finish writing and their connections to close.
    const drained = work.then(async () => {
      await Promise.race([listenerClosed, timeout(500)]);
      return "drained" as const;
    });
    const finished = await Promise.race([drained, timeout(options.timeoutMs)]);
    clearInterval(sweepIdle);
    if (finished === "timeout") logger.warn(`shutdown deadline passed with ${drain.inFlight} requests in flight (or an outbound job still running): closing connections`);
    server.closeAllConnections();
    const closed = await Promise.race([
      options.closeResources().catch((error: unknown) => logger.warn("closing clients failed", error)),
      timeout(closeResourcesMs),
    ]);
    if (closed === "timeout") logger.warn("closing the database and Redis clients took too long; exiting anyway");
    logger.info(`shut down in ${Date.now() - startedAt} ms`);
    exit(0);
  }

  function shutdown(reason: string) {
    running ??= run(reason);
    return running;
  }

  for (const signal of options.signals ?? ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (running) logger.info(`${signal} received again: already shutting down`);
      void shutdown(`${signal} received`);
    });
  }
  return { shutdown };
}
