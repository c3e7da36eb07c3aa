import type { ErrorReporter } from "@nexis/observability/sentry";
import { Elysia } from "elysia";
import { apiKeyAuth } from "./auth/api-key.ts";
import { type ClusterNode, clusterRouting } from "./cluster/cluster-routing.ts";
import { workersRoutes } from "./cluster/workers-routes.ts";
import type { EngineName } from "./engines/engine-name.ts";
import { jsonErrors } from "./errors.ts";
import { createMetrics, metricsRoutes } from "./metrics/metrics.ts";
import { requestIds } from "./request-id.ts";
import type { HealthCheck } from "./health/health-check.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { authRoutes } from "./routes/auth.ts";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi/openapi-document.ts";
import { chatRoutes } from "./routes/chats.ts";
import { chattingRoutes } from "./routes/chatting.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { lidRoutes } from "./routes/lids.ts";
import { docsRoutes } from "./routes/docs.ts";
import { extensionRoutes } from "./routes/extensions.ts";
import { fileRoutes } from "./routes/files.ts";
import { groupRoutes } from "./routes/groups.ts";
import { mediaRoutes } from "./routes/media.ts";
import { messageRoutes } from "./routes/messages.ts";
import { presenceRoutes } from "./routes/presence.ts";
import { sandboxRoutes } from "./routes/sandbox.ts";
import { sandboxPhoneRoutes } from "./routes/sandbox-phone.ts";
import { serverRoutes } from "./routes/server.ts";
import { sessionRoutes } from "./routes/sessions.ts";
import type { Runtime } from "./runtime.ts";
import { notImplementedWahaRoutes } from "./waha/not-implemented.ts";

export type AppOptions = {
  /** The key every `/api/*` request must send in `X-Api-Key`. */
  apiKey: string;
  /** The engine new sessions run on. */
  engine: EngineName;
  /** Chromium for the WEBJS engine; null when the engine needs no browser. */
  browserPath?: string | null;
  /** Sessions, engines and webhooks (see `createRuntime`); the caller starts and closes it. */
  runtime: Runtime;
  healthChecks?: Record<string, HealthCheck>;
  logger?: Logger;
  /** Where unexpected errors go besides the log (Sentry, when `SENTRY_DSN` is set). */
  errorReporter?: ErrorReporter;
  /** Cluster mode: route each session's requests to its owner (see `createClusterRuntime`). */
  cluster?: ClusterNode;
};

/**
 * Builds the WAHA-compatible HTTP app without listening, so tests drive it through
 * `app.handle(new Request(...))` and `index.ts` decides where it listens.
 */
export function createApp(options: AppOptions) {
  const { sessions, webhooks } = options.runtime;
  const app = new Elysia()
    .use(requestIds(options.logger ?? silentLogger))
    .use(jsonErrors(options.logger ?? silentLogger, options.errorReporter))
    .use(apiKeyAuth(options.apiKey))
    // After the key check: requests for sessions another worker owns go there.
    .use(options.cluster ? clusterRouting(options.cluster, options.engine) : new Elysia())
    .use(metricsRoutes(createMetrics({ sessions, webhooks })))
    .use(
      serverRoutes({
        engine: options.engine,
        browserPath: options.browserPath ?? null,
        healthChecks: options.healthChecks ?? {},
        readyChecks: { sessionStore: options.runtime.storeCheck },
        worker: options.cluster ? { id: options.cluster.worker.id, sessions: () => options.cluster?.sessions.names() ?? [] } : undefined,
      }),
    )
    .use(options.cluster ? workersRoutes(options.cluster.registry) : new Elysia())
    .use(sessionRoutes(sessions))
    .use(authRoutes(sessions))
    .use(chattingRoutes(sessions))
    .use(mediaRoutes(sessions))
    .use(fileRoutes(options.runtime.mediaFile))
    .use(chatRoutes(sessions))
    .use(messageRoutes(sessions))
    .use(presenceRoutes(sessions))
    .use(contactRoutes(sessions))
    .use(lidRoutes(sessions))
    .use(groupRoutes(sessions))
    .use(sandboxRoutes(sessions))
    .use(sandboxPhoneRoutes())
    .use(extensionRoutes(webhooks));
  // Last, so that every route registered above replaces its 501.
  const served = notImplementedWahaRoutes(app);
  let document: OpenApiDocument | null = null;
  return served.use(docsRoutes(() => (document ??= buildOpenApiDocument(served))));
}

export type App = ReturnType<typeof createApp>;
