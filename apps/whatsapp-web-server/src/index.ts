import { EnvError } from "@nexis/env";
import { createApp } from "./app.ts";
import { loadWaEnv } from "./env.ts";
import { dataDirCheck } from "./health/health-check.ts";
import { createLogger } from "./logger.ts";

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
const logger = createLogger(env.LOG_LEVEL);

const app = createApp({
  apiKey: env.WHATSAPP_API_KEY,
  engine: env.WHATSAPP_ENGINE,
  browserPath: env.WHATSAPP_ENGINE === "WEBJS" ? env.WHATSAPP_BROWSER_PATH : null,
  healthChecks: { storage: dataDirCheck(env.DATA_DIR) },
  logger,
}).listen({ port: env.WHATSAPP_PORT, hostname: env.WHATSAPP_HOST });

logger.info(`whatsapp-web-server listening on ${app.server?.url.href ?? `port ${env.WHATSAPP_PORT}`} (engine ${env.WHATSAPP_ENGINE})`);

// Stop accepting connections and let open requests finish before the process exits.
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  await app.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
