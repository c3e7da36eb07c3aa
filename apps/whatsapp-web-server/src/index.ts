import { EnvError } from "@nexis/env";
import { initSentry } from "@nexis/observability/sentry";
import { createApp } from "./app.ts";
import { createClusterRuntime } from "./cluster/cluster-runtime.ts";
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
const runtimeOptions = {
  engine: env.WHATSAPP_ENGINE,
  browserPath,
  sandboxTimeScale: env.WHATSAPP_SANDBOX_TIME_SCALE,
  publicUrl: env.WHATSAPP_PUBLIC_URL ?? `http://localhost:${env.WHATSAPP_PORT}`,
  // Any session may ask for WEBJS in its config, whatever the default engine.
  webjs: { browserPath: env.WHATSAPP_BROWSER_PATH },
  logger,
};
// With DATABASE_URL this process is one worker of a cluster (src/cluster/); without, it is alone.
const clusterRuntime = env.DATABASE_URL
  ? await createClusterRuntime(runtimeOptions, {
      databaseUrl: env.DATABASE_URL,
      workerId: env.WORKER_ID,
      workerUrl: env.WORKER_URL,
      capacity: env.WORKER_CAPACITY,
      leaseSeconds: env.WHATSAPP_LEASE_SECONDS,
      authMaxBytes: env.WHATSAPP_AUTH_MAX_BYTES,
    })
  : null;
const runtime = clusterRuntime ?? createRuntime({ ...runtimeOptions, dataDir: env.DATA_DIR });
await runtime.start();

const app = createApp({
  apiKey: env.WHATSAPP_API_KEY,
  engine: env.WHATSAPP_ENGINE,
  browserPath,
  runtime,
  cluster: clusterRuntime?.cluster,
  healthChecks: { storage: dataDirCheck(env.DATA_DIR) },
  logger,
  errorReporter,
}).listen({ port: env.WHATSAPP_PORT, hostname: env.WHATSAPP_HOST });

logger.info(
  `whatsapp-web-server listening on ${app.server?.url.href ?? `port ${env.WHATSAPP_PORT}`} (engine ${env.WHATSAPP_ENGINE}${env.DATABASE_URL ? `, cluster worker ${env.WORKER_ID}` : ""})`,
);

// Stop accepting connections and let open requests finish before the process exits.
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  await app.stop();
  // Stops every session (each comes back on the next start); pending webhooks stay in the outbox.
  // A cluster worker hands its sessions over: written out, leases ended, taken by another worker.
  await runtime.close();
  await errorReporter.flush();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
