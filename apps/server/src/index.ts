import { serve } from "@hono/node-server";
import type { Server as HttpServer } from "node:http";
import { createDatabase } from "@nexis/db";
import { EnvError } from "@nexis/env";
import { createLogger, currentRequestId } from "@nexis/observability";
import { initSentry } from "@nexis/observability/sentry";
import { WahaApiClient } from "@nexis/waha-client";
import { createApp } from "./app.ts";
import { httpTimeoutOptions } from "./security/http-timeouts.ts";
import { installGracefulShutdown } from "./lifecycle/graceful-shutdown.ts";
import { migrateOnce } from "./lifecycle/migrate-once.ts";
import { createRequestDrain } from "./lifecycle/request-drain.ts";
import { loadServerEnv } from "./env.ts";
import { createMailer } from "./services/mail/index.ts";
import { createEventBus } from "./services/events/workspace-events.ts";
import { createMediaDownloads, createMediaService, createMediaStorage } from "./services/media/index.ts";
import { createMediaSweeper } from "./services/media/media-sweeper.ts";
import { createServerMetrics } from "./services/metrics/metrics.ts";
import { createOutboundWorker } from "./services/outbound/outbound-worker.ts";
import { serverVersion } from "./version.ts";
import { createMutationLimiter, defaultMutationLimits } from "./services/rate-limit/mutation-limiter.ts";

let env: ReturnType<typeof loadServerEnv>;
try {
  env = loadServerEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger({ service: "server", level: env.LOG_LEVEL, pretty: env.NODE_ENV !== "production" });
const errorReporter = initSentry({ dsn: env.SENTRY_DSN, service: "server", environment: env.NODE_ENV, release: serverVersion });

const database = await createDatabase({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
// Apply pending migrations at start, so a fresh checkout or an upgrade needs no separate step.
await migrateOnce(database);

const rateLimiter = createMutationLimiter({ ...defaultMutationLimits, redisUrl: env.REDIS_URL, keyPrefix: `${env.REDIS_PREFIX}:rl` });
// Calls carry the id of the request that made them, so both services' logs can be followed together.
const whatsappClient = new WahaApiClient({ baseUrl: env.WHATSAPP_SERVER_URL, apiKey: env.whatsappApiKey, requestId: currentRequestId });
const events = createEventBus({ redisUrl: env.REDIS_URL, keyPrefix: env.REDIS_PREFIX });
const media = createMediaService({ db: database.db, storage: createMediaStorage(env.media), limits: env.media.limits });
const mediaDownloads = createMediaDownloads({ db: database.db, media, client: whatsappClient, events, log: (line) => logger.warn(line) });
// The outbound queue runs on BullMQ when REDIS_URL is set, in process otherwise.
const metrics = createServerMetrics(database.db);
const outbound = createOutboundWorker({
  db: database.db,
  client: whatsappClient,
  events,
  redisUrl: env.REDIS_URL,
  redisPrefix: env.REDIS_PREFIX,
  media: media.storage,
  log: (line) => logger.warn(line),
  onSettled: (outcome, seconds) => metrics.sent(seconds, outcome),
});
const app = createApp({
  database,
  corsOrigins: env.corsOrigins,
  serverUrl: env.SERVER_URL,
  authSecret: env.authSecret,
  subscriptionUrl: env.SUBSCRIPTION_URL,
  trustProxy: env.TRUST_PROXY,
  mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dataDir: env.dataDir, logger }),
  clientUrl: env.CLIENT_URL,
  rateLimiter,
  billing: env.billing,
  ...(env.workos ? { workos: env.workos } : {}),
  whatsapp: { client: whatsappClient, webhookUrl: env.whatsappWebhookUrl },
  outbound,
  events,
  media,
  mediaDownloads,
  logger,
  errorReporter,
  metrics,
  ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
});
outbound.start();
// Unsent uploads and deleted media's files go in the background (an hour apart, first after a minute).
const mediaSweeper = createMediaSweeper({ db: database.db, storage: media.storage, logger });
mediaSweeper.start();
// Inbound files whose download a restart interrupted.
void mediaDownloads.resume().catch((error: unknown) => logger.warn("media downloads could not resume", error));
// Live streams reconnect after this on shutdown, and refused requests are told to retry after it.
const drain = createRequestDrain({ retryAfterMs: 2_000 });
const server = serve({ fetch: drain.wrap(app.fetch), hostname: env.SERVER_HOST, port: env.SERVER_PORT, serverOptions: httpTimeoutOptions() }, (info) => {
  logger.info(`API server listening on ${env.SERVER_URL} (port ${info.port}, database: ${database.kind}, rate limits: ${rateLimiter.backend})`);
});

installGracefulShutdown({
  server: server as HttpServer,
  drain,
  timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  logger,
  stopWorkers: () => Promise.all([outbound.stop(), mediaSweeper.stop()]).then(() => undefined),
  closeResources: async () => {
    await Promise.all([database.close(), rateLimiter.close(), events.close(), errorReporter.flush()]);
  },
});
