import type { z } from "zod";

/** Thrown when the environment does not match an app's schema; the message names each bad variable. */
export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Validates `source` (normally `process.env`) against an app's zod schema. On failure it throws an
 * `EnvError` listing every bad variable and why, which the app prints before exiting with code 1.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    return `  ${variable}: ${issue.message}`;
  });
  throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example for each variable.`);
}
