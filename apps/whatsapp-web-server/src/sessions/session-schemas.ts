import { z } from "zod";
import { engineNames } from "../engines/engine-name.ts";
import { badRequest } from "../errors.ts";

/**
 * Session names end up in file paths, SQLite keys and URLs: letters, digits, `_` and `-` only, so
 * `..`, slashes and encoded tricks are refused before they reach anything.
 */
export const sessionNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Session name must be 1-64 characters: letters, digits, '_' or '-'");

/** WAHA's `RetriesConfiguration`. */
export const retriesConfigSchema = z.object({
  delaySeconds: z.number().min(0).max(3600).optional(),
  attempts: z.number().int().min(0).max(100).optional(),
  policy: z.enum(["linear", "exponential", "constant"]).optional(),
});

/** WAHA's `WebhookConfig`: where to send which events, how to sign and retry them. */
export const webhookConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.string().min(1)).min(1),
  hmac: z.object({ key: z.string().min(1).optional() }).nullish(),
  retries: retriesConfigSchema.nullish(),
  customHeaders: z.array(z.object({ name: z.string().min(1), value: z.string() })).nullish(),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/**
 * WAHA's `SessionConfig`. Fields we do not act on yet (proxy, client, noweb, …) are kept and
 * echoed back, as WAHA stores them. `engine` is our extension: WAHA picks one engine per process.
 */
export const sessionConfigSchema = z.looseObject({
  metadata: z.record(z.string(), z.string()).nullish(),
  debug: z.boolean().optional(),
  webhooks: z.array(webhookConfigSchema).optional(),
  engine: z.enum(engineNames).optional(),
});
export type SessionConfig = z.infer<typeof sessionConfigSchema>;

/** WAHA's `SessionCreateRequest`. */
export const sessionCreateSchema = z.object({
  name: sessionNameSchema.optional(),
  start: z.boolean().default(true),
  config: sessionConfigSchema.optional(),
  apps: z.array(z.unknown()).nullish(),
});

/** WAHA's `SessionUpdateRequest`. */
export const sessionUpdateSchema = z.object({
  config: sessionConfigSchema.optional(),
  apps: z.array(z.unknown()).nullish(),
});

/** WAHA's `RequestCodeRequest`. */
export const requestCodeSchema = z.object({
  phoneNumber: z.string().regex(/^\+?\d{6,15}$/, "phoneNumber must be a phone number in international format"),
  method: z.string().nullish(),
});

/**
 * Parses a request body (or parameter) with a schema; a failure is a 400 whose message lists each
 * bad field, as NestJS's ValidationPipe does.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
  throw badRequest(messages.join("; "));
}

/** A session name from the URL, refused with 400 when it is not a valid name. */
export function parseSessionName(name: string): string {
  return parseInput(sessionNameSchema, name);
}
