// One API instance as its own process, for `bench/cluster`: the real app (`server/app`) with the
// outbound queue on BullMQ and events over Redis, as `apps/server/src/index.ts` wires them, but
// with the queue's per-number pacing set by the benchmark (production's 30 a minute and 800 ms
// jitter would measure WhatsApp's spam limits, not the machine). Configured by environment only;
// `api-process.ts` spawns it. SIGTERM stops the queue, closes the server and exits 0.
import { serve } from "@hono/node-server";
import { createDatabase } from "@nexis/db";
import { WahaApiClient } from "@nexis/waha-client";
import { createApp } from "server/app";
import { createEventBus } from "server/events";
import { createOutboundWorker } from "server/outbound";
import { z } from "zod";

const env = z
  .object({
    DATABASE_URL: z.url(),
    REDIS_URL: z.url(),
    REDIS_PREFIX: z.string().regex(/^[\w.-]{1,64}$/),
    SERVER_PORT: z.coerce.number().int().min(1).max(65_535),
    BETTER_AUTH_SECRET: z.string().min(32),
    WHATSAPP_SERVER_URL: z.url(),
    WHATSAPP_API_KEY: z.string().min(1),
    WHATSAPP_WEBHOOK_URL: z.url(),
    OUTBOUND_MESSAGES_PER_MINUTE: z.coerce.number().int().positive(),
    OUTBOUND_JITTER_MS: z.coerce.number().int().min(0),
  })
  .parse(process.env);

const database = await createDatabase({ url: env.DATABASE_URL, maxConnections: 10 });
const client = new WahaApiClient({ baseUrl: env.WHATSAPP_SERVER_URL, apiKey: env.WHATSAPP_API_KEY });
const events = createEventBus({ redisUrl: env.REDIS_URL, keyPrefix: env.REDIS_PREFIX });
const outbound = createOutboundWorker({
  db: database.db,
  client,
  events,
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  messagesPerMinute: env.OUTBOUND_MESSAGES_PER_MINUTE,
  jitterMs: env.OUTBOUND_JITTER_MS,
});
// Mutation and auth rate limits off, as in the other benchmarks: the load comes from one address.
const app = createApp({
  database,
  corsOrigins: ["http://localhost:3000"],
  authSecret: env.BETTER_AUTH_SECRET,
  authRateLimit: false,
  rateLimiter: null,
  whatsapp: { client, webhookUrl: env.WHATSAPP_WEBHOOK_URL },
  outbound,
  events,
});
outbound.start();
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: env.SERVER_PORT });

process.once("SIGTERM", () => {
  void (async () => {
    await outbound.stop();
    await new Promise((resolve) => server.close(resolve));
    await Promise.all([database.close(), events.close()]);
    process.exit(0);
  })();
});
