import { z } from "zod";

const emptyIsUnset = (value: unknown) => (value === "" ? undefined : value);

/** An optional string where an empty value counts as unset (as `FOO=` in a .env file means). */
export const optionalString = z.preprocess(emptyIsUnset, z.string().optional());

/** A TCP port with a default (also for an empty value). */
export const port = (fallback: number) =>
  z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(65535).default(fallback));

/** An absolute http(s) URL with a default (also for an empty value), without a trailing slash. */
export const httpUrl = (fallback: string) =>
  z.preprocess(
    emptyIsUnset,
    z
      .url({ protocol: /^https?$/ })
      .default(fallback)
      .transform((value) => value.replace(/\/+$/, "")),
  );

/** An optional URL (e.g. DATABASE_URL, REDIS_URL); empty means unset. */
export const optionalUrl = z.preprocess(emptyIsUnset, z.url().optional());

export const nodeEnv = z.enum(["development", "production", "test"]).default("development");

export const logLevel = z.enum(["debug", "info", "warn", "error"]).default("info");
