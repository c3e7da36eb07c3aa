import { randomBytes, timingSafeEqual } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseConnection } from "@nexis/db";
import { getConnInfo } from "@hono/node-server/conninfo";
import { trpcServer } from "@hono/trpc-server";
import { type Context as HonoContext, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { currentRequestId, type Logger, runWithRequestId } from "@nexis/observability";
import type { ErrorReporter } from "@nexis/observability/sentry";
import { defaultLogger } from "./default-logger.ts";
import { createAuth } from "./auth/auth.ts";
import { createServerMetrics, type ServerMetrics } from "./services/metrics/metrics.ts";
import { csrfProtection } from "./security/csrf.ts";
import { hstsBehindTls } from "./security/hsts.ts";
import type { WorkosOptions } from "./auth/workos/config.ts";
import { billingWebhookRoutes, sandboxRoutes } from "./billing/routes.ts";
import { sandboxPageHeaders } from "./billing/sandbox/page-layout.ts";
import { type BillingOptions, createBillingService, registerBillingService } from "./billing/service.ts";
import { createDevMailbox, type Mailer } from "./services/mail/index.ts";
import { createSecretBox } from "./services/secrets/secret-box.ts";
import { createFilesystemStorage } from "./services/media/fs-storage.ts";
import { createMediaDownloads, createMediaService, defaultMediaLimits, type MediaDownloads, type MediaService } from "./services/media/index.ts";
import { mediaRoutes } from "./services/media/media-routes.ts";
import type { WhatsAppLink } from "./services/whatsapp/whatsapp-link.ts";
import { createWebhookAccountCache } from "./services/whatsapp/webhook-account-cache.ts";
import type { OutboundWorker } from "./services/outbound/outbound-worker.ts";
import { createEventBus, type EventBus } from "./services/events/workspace-events.ts";
import { createStreamLimit } from "./services/events/stream-limit.ts";
import { watchQrCodes } from "./services/events/qr-watch.ts";
import { createMutationLimiter, defaultMutationLimits, type MutationLimiter } from "./services/rate-limit/mutation-limiter.ts";
import { type Context, createContext } from "./trpc/context.ts";
import { createSessionCache } from "./auth/session-cache.ts";
import { appRouter } from "./trpc/routers/_app.ts";
import { serverVersion } from "./version.ts";
import { createLidLookups } from "./services/whatsapp/lid-lookups.ts";
import { whatsappWebhookHandler } from "./webhooks/whatsapp-webhook.ts";

export interface AppOptions {
  database: DatabaseConnection;
  /** Browser origins allowed by CORS and by Better Auth's origin check. */
  corsOrigins: string[];
  /** Where browsers reach this server (Better Auth's baseURL); default http://localhost:8787. */
  serverUrl?: string;
  /**
   * Signs session cookies and tokens; 32+ characters. The server always passes its configured
   * one; without it (benchmarks) each app instance signs with a random secret of its own.
   */
  authSecret?: string;
  /** The subscription portal, where a refused plan limit sends the user; default http://localhost:3001. */
  subscriptionUrl?: string;
  /** Take the client IP from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Better Auth's rate limit on its routes; on unless a test turns it off. */
  authRateLimit?: boolean;
  /**
   * Sends invitation and password-reset emails (`services/mail`). The server always passes the
   * one its env picks; without it (benchmarks) mails go to a dev mailbox in the OS temp folder.
   */
  mailer?: Mailer;
  /** The client, where invitation links lead; default http://localhost:3000. */
  clientUrl?: string;
  /**
   * Per-user and per-IP limits on tRPC mutations. The server passes one (Redis-backed when
   * REDIS_URL is set); unset means in-memory defaults; null turns them off (tests).
   */
  rateLimiter?: MutationLimiter | null;
  /** The WhatsApp service; without it (benchmarks) linking a number answers PRECONDITION_FAILED. */
  whatsapp?: WhatsAppLink;
  /** How long a session found is reused for the same credentials (`auth/session-cache.ts`); default 5 s. */
  sessionCacheMs?: number;
  /** Payments: Creem with `creemApiKey`, the sandbox provider otherwise (`src/billing`). */
  billing?: BillingOptions;
  /** The outbound queue's worker, woken when a message is queued (it also polls on its own). */
  outbound?: OutboundWorker;
  /** Workspace events for the live stream; in memory unless the server passes a Redis-backed bus. */
  events?: EventBus;
  /** Where the server's log lines go; default: warnings and errors, readable, on stdout. */
  logger?: Logger;
  /** Where unexpected errors go besides the log (Sentry when SENTRY_DSN is set). */
  errorReporter?: ErrorReporter;
  /** Prometheus metrics (made here unless the server shares them with its outbound queue). */
  metrics?: ServerMetrics;
  /** Bearer token for `GET /metrics`; without it only loopback requests may read the metrics. */
  metricsToken?: string;
  /** Live streams one user may hold open on this instance (tabs, devices). Default 10. */
  maxLiveStreamsPerUser?: number;
  /** WorkOS AuthKit SSO on `/api/auth/sso/*` (`auth/workos`); off when unset. */
  workos?: WorkosOptions;
  /** Media storage and limits; without it (tests, benchmarks) files go to a fresh temp folder. */
  media?: MediaService;
  /** Copies inbound media after each webhook; made from `whatsapp` and `media` unless given. */
  mediaDownloads?: MediaDownloads;
}

/** The API server's HTTP surface, without listening (tests serve it on port 0). */
export function createApp(options: AppOptions) {
  const { database, corsOrigins } = options;
  const serverSecret = options.authSecret ?? randomBytes(32).toString("base64url");
  // Account webhook keys are stored sealed with a key derived from the server's secret.
  const secretBox = createSecretBox(serverSecret, "whatsapp-webhook-key");
  // Opened webhook keys, kept briefly; `account.remove` forgets its account's.
  const webhookAccounts = createWebhookAccountCache({ db: database.db, secretBox });
  const logger = options.logger ?? defaultLogger;
  const rateLimiter = options.rateLimiter === undefined ? createMutationLimiter(defaultMutationLimits) : options.rateLimiter;
  const auth = createAuth({
    db: database.db,
    secret: serverSecret,
    baseURL: options.serverUrl ?? "http://localhost:8787",
    trustedOrigins: corsOrigins,
    rateLimit: options.authRateLimit ?? true,
    rateLimitStorage: rateLimiter?.authStorage() ?? null,
    mailer: options.mailer ?? createDevMailbox(path.join(tmpdir(), "nexis-mailbox.jsonl"), logger),
    clientUrl: options.clientUrl ?? "http://localhost:3000",
    workos: options.workos,
  });
  const sessions = createSessionCache({ lookup: (headers) => auth.api.getSession({ headers }), ttlMs: options.sessionCacheMs ?? 5_000 });
  const events = options.events ?? createEventBus();
  const liveStreams = createStreamLimit(options.maxLiveStreamsPerUser ?? 10);
  const errorReporter = options.errorReporter;
  const metrics = options.metrics ?? createServerMetrics(database.db);
  // QR rotations become live events while a number waits for a scan (WAHA sends no webhook for them).
  if (options.whatsapp) watchQrCodes({ events, client: options.whatsapp.client });
  const media = options.media ?? createMediaService({ db: database.db, storage: createFilesystemStorage(path.join(tmpdir(), `nexis-media-${crypto.randomUUID()}`)), limits: defaultMediaLimits });
  const mediaDownloads = options.mediaDownloads ?? (options.whatsapp ? createMediaDownloads({ db: database.db, media, client: options.whatsapp.client, events, log: (line) => logger.warn(line) }) : undefined);
  const lidLookups = options.whatsapp ? createLidLookups({ db: database.db, client: options.whatsapp.client, events, logger }) : undefined;
  const upgradeUrl = `${options.subscriptionUrl ?? "http://localhost:3001"}/pricing`;
  const app = new Hono<{ Variables: { requestId: string } }>();
  const subscriptionUrl = options.subscriptionUrl ?? "http://localhost:3001";
  const billing = createBillingService({
    db: database.db,
    options: options.billing ?? {},
    serverUrl: options.serverUrl ?? "http://localhost:8787",
    subscriptionUrl,
    authSecret: serverSecret,
    // The sandbox posts its webhooks to this app's own `/webhooks/creem`, through the full HTTP stack.
    deliver: async (request) => app.fetch(request),
    logger,
  });
  registerBillingService(auth, billing);

  // Every request gets an id (the WhatsApp service's, on its webhooks): on each log line written
  // while serving it, on calls to the WhatsApp service, and in error reports.
  app.use("*", requestId({ limitLength: 64 }));
  app.use("*", (c, next) => runWithRequestId(c.get("requestId"), next));
  app.use("*", metrics.timing());

  app.use("/webhooks/whatsapp", async (c, next) => {
    await next();
    metrics.webhookAnswered(c.res.status);
  });
  /**
   * The WhatsApp service's signed events (session status, messages, acks…). Before the browser-facing
   * layers (CORS, CSP, body limit): only the WhatsApp service calls it, server to server, and at
   * thousands a second each layer shows (bench/ingest-throughput).
   */
  app.post("/webhooks/whatsapp", whatsappWebhookHandler({ database, secretBox, events, mediaDownloads, lidLookups, accounts: webhookAccounts, logger }));

  // Registered before the secure headers so it runs after them: the sandbox's HTML pages keep their own CSP.
  app.use("/sandbox/*", sandboxPageHeaders);
  // Likewise: media is shown by the client's <img>/<video> (same site, another origin).
  app.use("/media/*", async (c, next) => {
    await next();
    c.header("Cross-Origin-Resource-Policy", "same-site");
  });

  // An API answers JSON only: nothing it serves may load, run or be framed.
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      referrerPolicy: "no-referrer",
      strictTransportSecurity: false,
    }),
  );
  app.use("*", hstsBehindTls(options.trustProxy ?? false));
  app.use("*", cors({ origin: corsOrigins, credentials: true, maxAge: 600, exposeHeaders: ["set-auth-token"] }));
  // Cookie-authenticated changes must come from our own apps (Better Auth checks its own routes).
  app.use("/trpc/*", csrfProtection(corsOrigins));
  app.use("/media", csrfProtection(corsOrigins));
  // Only where they matter: each layer costs on the hot path (bench/api-overhead).
  const smallBodies = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => c.json({ error: "Request body too large" }, 413) });
  // Uploads (`POST /media`) have their own, larger limit (the WhatsApp webhook, answered above, its own).
  app.on(["POST", "PUT", "PATCH"], "*", (c, next) => (c.req.path === "/media" ? next() : smallBodies(c, next)));

  /** Liveness: the process answers. */
  app.get("/health", (c) => c.json({ status: "ok", version: serverVersion }));

  /** Readiness: the dependencies answer; a load balancer stops routing here on 503. */
  app.get("/ready", async (c) => {
    try {
      await database.ping();
      return c.json({ status: "ready", checks: { database: "ok" } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return c.json({ status: "unavailable", checks: { database: "down" }, reason }, 503);
    }
  });

  /** Prometheus metrics, for the operator's scraper only (METRICS_TOKEN, or from this machine). */
  app.get("/metrics", async (c) => {
    if (!metricsAllowed(c, options.metricsToken, options.trustProxy ?? false)) return c.json({ error: "Not found", path: c.req.path }, 404);
    return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
  });

  /** Media files: uploads for outbound messages, and the bytes of stored media to members. */
  app.route("/media", mediaRoutes({ db: database.db, auth, sessions, media, allowedOrigins: corsOrigins }));

  // Whatever may end or change a session (sign-out, revocation, switching workspace, leaving one)
  // is an auth route or a tRPC mutation: sessions found before it are not reused after it. Auth
  // GETs count too (following a verification link changes the user), all but reading the session.
  app.use("/api/auth/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" || !c.req.path.endsWith("/get-session")) sessions.clear();
  });
  app.use("/trpc/*", async (c, next) => {
    await next();
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) sessions.clear();
  });

  /** Better Auth: sign-up, sign-in, sign-out, sessions, organizations (workspaces). */
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(withClientIp(c, options.trustProxy ?? false)));

  /** Payment webhooks (Creem's, or the sandbox's in the same shape), and the sandbox's checkout pages. */
  app.route("/webhooks", billingWebhookRoutes(billing, logger));
  const sandbox = sandboxRoutes(billing, database.db, [new URL(subscriptionUrl).origin]);
  if (sandbox) app.route("/sandbox", sandbox);

  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      createContext: (_options, c) =>
        createContext({
          database,
          auth,
          sessions,
          upgradeUrl,
          headers: c.req.raw.headers,
          requestId: c.get("requestId"),
          clientIp: clientIp(c, options.trustProxy ?? false),
          rateLimiter,
          whatsapp: options.whatsapp ?? null,
          secretBox,
          webhookAccounts,
          outbound: options.outbound ?? null,
          events,
          liveStreams,
          logger,
        }),
      onError: ({ error, path, ctx }) => {
        if (error.code !== "INTERNAL_SERVER_ERROR") return;
        const failure = error.cause ?? error;
        logger.error(`tRPC ${path ?? "?"} failed`, failure);
        const session = (ctx as Partial<Context> | undefined)?.session;
        errorReporter?.capture(failure, {
          userId: session?.user.id,
          workspaceId: session?.session.activeOrganizationId,
          requestId: currentRequestId(),
          where: `trpc ${path ?? "?"}`,
        });
      },
    }),
  );

  app.notFound((c) => c.json({ error: "Not found", path: c.req.path }, 404));
  app.onError((error, c) => {
    const id = c.get("requestId") ?? crypto.randomUUID();
    // The client went away (or was cut off for sending too slowly) mid-body: not our failure.
    if (error.message === "aborted" || (error as NodeJS.ErrnoException).code === "ECONNRESET") {
      logger.debug("request aborted by the client", { route: c.req.routePath });
      return c.json({ error: "Request aborted", requestId: id }, 400);
    }
    logger.error(`${c.req.method} ${c.req.routePath} failed`, error);
    errorReporter?.capture(error, { requestId: id, where: `${c.req.method} ${c.req.routePath}` });
    return c.json({ error: "Internal server error", requestId: id }, 500);
  });

  return app;
}

/** Metrics are for the operator: the configured bearer token, or, without one, this machine only. */
function metricsAllowed(c: HonoContext, token: string | undefined, trustProxy: boolean): boolean {
  if (token) {
    const presented = Buffer.from(c.req.header("authorization") ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }
  const address = clientIp(c, trustProxy);
  return address === "127.0.0.1" || address === "::1";
}

/** The client's IP: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientIp(c: HonoContext, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, "") ?? null;
  } catch {
    return null; // No socket (app.request in tests).
  }
}

/**
 * The request Better Auth sees: unless a trusted proxy sets it, X-Forwarded-For is replaced by the
 * socket's address, so its per-IP rate limit cannot be dodged with a forged header.
 */
function withClientIp(c: HonoContext, trustProxy: boolean): Request {
  const request = c.req.raw;
  if (trustProxy) return request;
  const headers = new Headers(request.headers);
  headers.delete("x-forwarded-for");
  const address = clientIp(c, false);
  if (address) headers.set("x-forwarded-for", address);
  return new Request(request, { headers });
}
