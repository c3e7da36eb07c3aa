import { createLogger as createSharedLogger, type LogLevel, type Logger } from "@nexis/observability";

export { silentLogger, type LogLevel, type Logger } from "@nexis/observability";

/** The service's logger: JSON lines in production, readable lines in development. */
export function createLogger(level: LogLevel, nodeEnv: string): Logger {
  return createSharedLogger({ service: "whatsapp-web-server", level, pretty: nodeEnv !== "production" });
}
