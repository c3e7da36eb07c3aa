const levels = ["debug", "info", "warn", "error"] as const;

export type LogLevel = (typeof levels)[number];

export type Logger = Record<LogLevel, (message: string, details?: unknown) => void>;

/** A console logger that drops messages below `minimum` (from LOG_LEVEL). */
export function createLogger(minimum: LogLevel): Logger {
  const threshold = levels.indexOf(minimum);
  const write = (level: LogLevel) => (message: string, details?: unknown) => {
    if (levels.indexOf(level) < threshold) return;
    const line = `[${level}] ${message}`;
    const out = level === "error" || level === "warn" ? console.error : console.log;
    if (details === undefined) out(line);
    else out(line, details);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** For tests and embedding: logs nothing. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
