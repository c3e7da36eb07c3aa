import { createLogger, type Logger } from "@nexis/observability";

/**
 * The log of a server piece built without one (tests, benchmarks, `createApp` with no `logger`):
 * warnings and errors, readable, on stdout. `index.ts` passes its configured logger instead.
 */
export const defaultLogger: Logger = createLogger({ service: "server", level: "warn", pretty: true });
