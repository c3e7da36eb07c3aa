import { z } from "zod";

/** An optional string where an empty value counts as unset (as `FOO=` in a .env file means). */
export const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

/** A TCP port with a default. */
export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** An absolute http(s) URL with a default, without a trailing slash. */
export const httpUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

/** An optional URL (e.g. DATABASE_URL, REDIS_URL); empty means unset. */
export const optionalUrl = z.preprocess((value) => (value === "" ? undefined : value), z.url().optional());

export const nodeEnv = z.enum(["development", "production", "test"]).default("development");

export const logLevel = z.enum(["debug", "info", "warn", "error"]).default("info");
