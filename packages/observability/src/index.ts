export { createLogger, logLevels, silentLogger, type LogLevel, type Logger, type LoggerOptions } from "./logger.ts";
export { currentRequestId, enterRequestId, requestIdFrom, requestIdHeader, runWithRequestId } from "./request-context.ts";
