import { pino } from "pino";
import pretty from "pino-pretty";
import { currentRequestId } from "./request-context.ts";

export const logLevels = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof logLevels)[number];

/** What every service logs through: a message, and details that never include bodies or secrets. */
export type Logger = Record<LogLevel, (message: string, details?: unknown) => void> & {
  /** The same logger with fields added to every line (e.g. the session or account). */
  child(fields: Record<string, unknown>): Logger;
};

export interface LoggerOptions {
  /** Named on every line, so the server's and the WhatsApp service's lines can be told apart. */
  service: string;
  level: LogLevel | "silent";
  /** Human-readable lines (development) instead of one JSON object per line (production). */
  pretty: boolean;
  /** Where lines go; stdout by default (tests pass a collecting stream). */
  destination?: { write(line: string): unknown };
}

/**
 * Field names whose values never reach a log line, wherever they sit in the details: credentials,
 * and message contents (an agent's and a customer's words are not for operators' logs).
 */
const redactedKeys = ["password", "token", "secret", "apiKey", "authorization", "cookie", "x-api-key", "body", "text", "caption", "webhookSecret", "hmac"];
const redactPaths = redactedKeys.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`, `err.config.headers["${key}"]`]);

/** pino behind our small interface: JSON or pretty, the request id on every line of a request. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? (options.pretty ? pretty({ sync: true, singleLine: true, colorize: process.stdout.isTTY, ignore: "pid,hostname,service" }) : process.stdout);
  const base = pino(
    {
      level: options.level,
      base: { service: options.service },
      redact: { paths: redactPaths, censor: "[redacted]" },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination as pino.DestinationStream,
  );
  return wrap(base);
}

function wrap(instance: pino.Logger): Logger {
  const write = (level: LogLevel) => (message: string, details?: unknown) => {
    if (details === undefined) instance[level](message);
    else if (details instanceof Error) instance[level]({ err: details }, message);
    else if (typeof details === "object" && details !== null) instance[level](details, message);
    else instance[level]({ detail: details }, message);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => wrap(instance.child(fields)),
  };
}

/** For tests and embedding: logs nothing. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
