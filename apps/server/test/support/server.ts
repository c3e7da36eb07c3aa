import { serve, type ServerType } from "@hono/node-server";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseConnection } from "@nexis/db";
import { silentLogger } from "@nexis/observability";
import { type AppOptions, createApp } from "../../src/app.ts";
import { createServerMetrics } from "../../src/services/metrics/metrics.ts";
import { createDevMailbox, type MailboxEntry } from "../../src/services/mail/index.ts";
import type { MutationLimiter } from "../../src/services/rate-limit/mutation-limiter.ts";
import type { WhatsAppLink } from "../../src/services/whatsapp/whatsapp-link.ts";
import { createOutboundWorker, type OutboundWorker } from "../../src/services/outbound/outbound-worker.ts";
import { createEventBus } from "../../src/services/events/workspace-events.ts";
import { createFilesystemStorage } from "../../src/services/media/fs-storage.ts";
import { createMediaService, defaultMediaLimits } from "../../src/services/media/index.ts";
import { startWhatsAppService, type WhatsAppService } from "./whatsapp-service.ts";
import { WahaApiClient } from "@nexis/waha-client";
import type { AppRouter } from "../../src/trpc/routers/_app.ts";

export const clientOrigin = "http://localhost:3000";
export const subscriptionOrigin = "http://localhost:3001";
export const testPassword = "correct horse battery";

export interface TestServer {
  baseUrl: string;
  /** The real WhatsApp service (SANDBOX) the server links numbers through. */
  whatsapp: WhatsAppService;
  database: TestDatabase;
  /** The outbound queue (BullMQ when REDIS_URL is set, in process otherwise). */
  outbound: OutboundWorker;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
  /** Signs a new user up through HTTP (a unique email unless given); returns their credentials and tRPC clients. */
  signUp(name?: string, email?: string): Promise<TestUser>;
  /** A tRPC client sending the given headers (cookie or bearer). */
  client(headers?: Record<string, string>): ReturnType<typeof createTRPCClient<AppRouter>>;
  /** POSTs JSON to a Better Auth route with the client's Origin. */
  authPost(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The mails the app sent so far (its dev mailbox file), oldest first. */
  readMailbox(): Promise<MailboxEntry[]>;
}

export interface TestUser {
  userId: string;
  email: string;
  cookie: string;
  token: string;
  /** Authenticated with `Authorization: Bearer`. */
  trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
}

let userCounter = 0;

/** The app's options for tests (Better Auth's and the mutation rate limits off unless asked for; mail to a silent dev mailbox). */
export function testAppOptions(
  database: DatabaseConnection,
  options: { authRateLimit?: boolean; mailboxFile?: string; rateLimiter?: MutationLimiter | null; whatsapp?: WhatsAppLink } = {},
): AppOptions {
  return {
    mailer: createDevMailbox(options.mailboxFile ?? path.join(tmpdir(), "nexis-test-mailbox.jsonl"), silentLogger),
    clientUrl: clientOrigin,
    database,
    corsOrigins: [clientOrigin, subscriptionOrigin],
    serverUrl: "http://localhost:8787",
    authSecret: "test-secret-that-is-long-enough-0123456789",
    subscriptionUrl: subscriptionOrigin,
    authRateLimit: options.authRateLimit ?? false,
    rateLimiter: options.rateLimiter ?? null,
    ...(options.whatsapp ? { whatsapp: options.whatsapp } : {}),
  };
}

/** The API server on a throwaway database, listening on an ephemeral loopback port. */
export async function startTestServer(options: { authRateLimit?: boolean; rateLimiter?: MutationLimiter | null; sessionCacheMs?: number } = {}): Promise<TestServer> {
  const [database, whatsapp] = await Promise.all([createTestDatabase(process.env.DATABASE_URL), startWhatsAppService()]);
  const mailDir = await mkdtemp(path.join(tmpdir(), "nexis-mail-"));
  const mailboxFile = path.join(mailDir, "mailbox.jsonl");
  // The webhook URL is known once the server listens; the link reads it at each call.
  const link: WhatsAppLink = { client: new WahaApiClient({ baseUrl: whatsapp.baseUrl, apiKey: whatsapp.apiKey, timeoutMs: 5_000 }), webhookUrl: "" };
  // The outbound queue as the server runs it, without jitter and polling often.
  // Live events on the backend the environment picks: Redis pub/sub when REDIS_URL is set.
  const events = createEventBus({ redisUrl: process.env.REDIS_URL || undefined });
  // The queue on the backend the environment picks (BullMQ when REDIS_URL is set), under its own Redis prefix.
  // Media files in the test's temp folder, shared by the routes and the queue's media sends.
  const media = createMediaService({ db: database.db, storage: createFilesystemStorage(path.join(mailDir, "media")), limits: defaultMediaLimits });
  // Metrics shared by the queue (send latency) and the app, as index.ts wires them.
  const metrics = createServerMetrics(database.db);
  const outbound = createOutboundWorker({
    db: database.db,
    client: link.client,
    onSettled: (outcome, seconds) => metrics.sent(seconds, outcome),
    media: media.storage,
    jitterMs: 0,
    pollIntervalMs: 100,
    typingThreshold: 10_000,
    events,
    redisUrl: process.env.REDIS_URL || undefined,
    redisPrefix: `nexis-test-${crypto.randomUUID()}`,
  });
  const app = createApp({
    ...testAppOptions(database, { ...options, mailboxFile, whatsapp: link }),
    outbound,
    events,
    media,
    metrics,
    ...(options.sessionCacheMs === undefined ? {} : { sessionCacheMs: options.sessionCacheMs }),
  });
  outbound.start();
  const server: ServerType = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  link.webhookUrl = `${baseUrl}/webhooks/whatsapp`;

  const client = (headers: Record<string, string> = {}) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers })] });

  const authPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: clientOrigin, ...headers },
      body: JSON.stringify(body),
    });

  async function signUp(name = `User ${++userCounter}`, email = `user-${Date.now()}-${++userCounter}@example.com`): Promise<TestUser> {
    const response = await authPost("/sign-up/email", { name, email, password: testPassword });
    if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { user: { id: string } };
    const token = response.headers.get("set-auth-token");
    if (!token) throw new Error("sign-up returned no set-auth-token header");
    return { userId: body.user.id, email, cookie: cookieHeader(response), token, trpc: client({ authorization: `Bearer ${token}` }) };
  }

  return {
    baseUrl,
    whatsapp,
    database,
    outbound,
    app,
    client,
    authPost,
    signUp,
    async readMailbox() {
      const text = await readFile(mailboxFile, "utf8").catch(() => "");
      return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as MailboxEntry);
    },
    async close() {
      // The service first, so no webhook arrives at a closed server.
      await outbound.stop();
      await whatsapp.close();
      await events.close();
      (server as HttpServer).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.dispose();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}

/** The `Cookie` request header for the cookies a response sets. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** The tRPC error of a rejected call, for asserting its code and data. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error("expected the call to fail");
}
