import { EnvError } from "@nexis/env";
import { initSentry } from "@nexis/observability/sentry";
import { createApp } from "./app.ts";
import { loadWaEnv } from "./env.ts";
import { dataDirCheck } from "./health/health-check.ts";
import { createLogger } from "./logger.ts";
import { createRuntime } from "./runtime.ts";
import { appVersion } from "./version.ts";

function loadEnvOrExit() {
  try {
    return loadWaEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const env = loadEnvOrExit();
const logger = createLogger(env.LOG_LEVEL, env.NODE_ENV);
const errorReporter = initSentry({ dsn: env.SENTRY_DSN, service: "whatsapp-web-server", environment: env.NODE_ENV, release: appVersion });

const browserPath = env.WHATSAPP_ENGINE === "WEBJS" ? env.WHATSAPP_BROWSER_PATH : null;
const runtime = createRuntime({
  dataDir: env.DATA_DIR,
  engine: env.WHATSAPP_ENGINE,
  browserPath,
  sandboxTimeScale: env.WHATSAPP_SANDBOX_TIME_SCALE,
  publicUrl: env.WHATSAPP_PUBLIC_URL ?? `http://localhost:${env.WHATSAPP_PORT}`,
  // Any session may ask for WEBJS in its config, whatever the default engine.
  webjs: { browserPath: env.WHATSAPP_BROWSER_PATH },
  logger,
});
await runtime.start();

const app = createApp({
  apiKey: env.WHATSAPP_API_KEY,
  engine: env.WHATSAPP_ENGINE,
  browserPath,
  runtime,
  healthChecks: { storage: dataDirCheck(env.DATA_DIR) },
  logger,
  errorReporter,
}).listen({ port: env.WHATSAPP_PORT, hostname: env.WHATSAPP_HOST });

logger.info(`whatsapp-web-server listening on ${app.server?.url.href ?? `port ${env.WHATSAPP_PORT}`} (engine ${env.WHATSAPP_ENGINE})`);

// Stop accepting connections and let open requests finish before the process exits.
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  await app.stop();
  // Stops every session (each comes back on the next start); pending webhooks stay in the outbox.
  await runtime.close();
  await errorReporter.flush();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
