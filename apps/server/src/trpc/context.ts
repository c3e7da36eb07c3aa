import type { Database, DatabaseConnection } from "@nexis/db";
import type { Logger } from "@nexis/observability";
import type { Auth, AuthSession } from "../auth/auth.ts";
import type { SessionCache } from "../auth/session-cache.ts";
import { defaultLogger } from "../default-logger.ts";
import type { MutationLimiter } from "../services/rate-limit/mutation-limiter.ts";
import type { StreamLimit } from "../services/events/stream-limit.ts";
import type { EventBus } from "../services/events/workspace-events.ts";
import type { OutboundWorker } from "../services/outbound/outbound-worker.ts";
import type { SecretBox } from "../services/secrets/secret-box.ts";
import type { WhatsAppLink } from "../services/whatsapp/whatsapp-link.ts";
import type { WebhookAccountCache } from "../services/whatsapp/webhook-account-cache.ts";

/** What every procedure receives; built per request from the Hono request by `createContext`. */
export type Context = {
  database: DatabaseConnection;
  db: Database;
  auth: Auth;
  /** The caller's session (cookie or bearer token), or null when signed out. */
  session: AuthSession | null;
  /** Where a refused plan limit sends the user: the subscription portal. */
  upgradeUrl: string;
  requestId: string;
  /** The request's headers, for calling Better Auth's server API as the caller. */
  headers: Headers;
  /** The caller's IP (the socket's, or X-Forwarded-For's behind a trusted proxy), for the audit log. */
  clientIp: string | null;
  /** Per-user and per-IP limits on mutations; null when turned off (tests). */
  rateLimiter: MutationLimiter | null;
  /** The WhatsApp service, or null when not configured (benchmarks). */
  whatsapp: WhatsAppLink | null;
  /** Seals and opens secrets stored in the database (account webhook keys). */
  secretBox: SecretBox;
  /** The webhook ingest's cache of opened account keys, to forget a removed account at once. */
  webhookAccounts: WebhookAccountCache | null;
  /** The outbound queue's worker, woken when a send is queued; null when this process runs none. */
  outbound: OutboundWorker | null;
  /** Workspace events for the live stream (in memory, or Redis pub/sub across instances). */
  events: EventBus;
  /** Caps each user's open live streams on this instance; null: no cap (a context built outside the app). */
  liveStreams: StreamLimit | null;
  /** The server's logger (its lines carry the request id). */
  logger: Logger;
};

export interface CreateContextOptions {
  database: DatabaseConnection;
  auth: Auth;
  /** Sessions found recently; unset: Better Auth is asked on every call (a context built outside the app). */
  sessions?: SessionCache;
  upgradeUrl: string;
  headers: Headers;
  requestId: string;
  clientIp: string | null;
  rateLimiter: MutationLimiter | null;
  whatsapp: WhatsAppLink | null;
  secretBox: SecretBox;
  /** Unset: no cache to forget accounts in (a context built outside the app). */
  webhookAccounts?: WebhookAccountCache;
  outbound: OutboundWorker | null;
  events: EventBus;
  liveStreams?: StreamLimit;
  /** Unset: the default logger (a context built outside the app). */
  logger?: Logger;
}

/**
 * Builds the context of one tRPC request. The session is looked up only when the request carries
 * credentials, so public calls (health) cost no session query.
 */
export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { database, auth, headers } = options;
  const hasCredentials = headers.has("authorization") || headers.has("cookie");
  const session = !hasCredentials ? null : options.sessions ? await options.sessions.get(headers) : await auth.api.getSession({ headers });
  const { upgradeUrl, requestId, clientIp, rateLimiter, whatsapp, secretBox, outbound, events } = options;
  const webhookAccounts = options.webhookAccounts ?? null;
  const liveStreams = options.liveStreams ?? null;
  const logger = options.logger ?? defaultLogger;
  return { database, db: database.db, auth, session, headers, upgradeUrl, requestId, clientIp, rateLimiter, whatsapp, secretBox, webhookAccounts, outbound, events, liveStreams, logger };
}
