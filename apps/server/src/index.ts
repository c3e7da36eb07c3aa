import { serve } from "@hono/node-server";
import { createDatabase } from "@nexis/db";
import { EnvError } from "@nexis/env";
import { WahaApiClient } from "@nexis/waha-client";
import { createApp } from "./app.ts";
import { loadServerEnv } from "./env.ts";
import { createMailer } from "./services/mail/index.ts";
import { createEventBus } from "./services/events/workspace-events.ts";
import { createOutboundWorker } from "./services/outbound/outbound-worker.ts";
import { createMutationLimiter, defaultMutationLimits } from "./services/rate-limit/mutation-limiter.ts";

let env: ReturnType<typeof loadServerEnv>;
try {
  env = loadServerEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const database = await createDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
// Apply pending migrations at start, so a fresh checkout or an upgrade needs no separate step.
await database.migrate();

const rateLimiter = createMutationLimiter({ ...defaultMutationLimits, redisUrl: env.REDIS_URL });
const whatsappClient = new WahaApiClient({ baseUrl: env.WHATSAPP_SERVER_URL, apiKey: env.whatsappApiKey });
const events = createEventBus({ redisUrl: env.REDIS_URL });
const outbound = createOutboundWorker({ db: database.db, client: whatsappClient, events });
const app = createApp({
  database,
  corsOrigins: env.corsOrigins,
  serverUrl: env.SERVER_URL,
  authSecret: env.authSecret,
  subscriptionUrl: env.SUBSCRIPTION_URL,
  trustProxy: env.TRUST_PROXY,
  mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dataDir: env.dataDir }),
  clientUrl: env.CLIENT_URL,
  rateLimiter,
  billing: env.billing,
  whatsapp: { client: whatsappClient, webhookUrl: env.whatsappWebhookUrl },
  outbound,
  events,
});
outbound.start();
const server = serve({ fetch: app.fetch, hostname: env.SERVER_HOST, port: env.SERVER_PORT }, (info) => {
  console.log(`API server listening on ${env.SERVER_URL} (port ${info.port}, database: ${database.kind}, rate limits: ${rateLimiter.backend})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  server.close();
  await outbound.stop();
  await Promise.all([database.close(), rateLimiter.close(), events.close()]);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
