import type { Database, DatabaseConnection } from "@nexis/db";
import type { Auth, AuthSession } from "../auth/auth.ts";
import type { MutationLimiter } from "../services/rate-limit/mutation-limiter.ts";

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
};

export interface CreateContextOptions {
  database: DatabaseConnection;
  auth: Auth;
  upgradeUrl: string;
  headers: Headers;
  requestId: string;
  clientIp: string | null;
  rateLimiter: MutationLimiter | null;
}

/**
 * Builds the context of one tRPC request. The session is looked up only when the request carries
 * credentials, so public calls (health) cost no session query.
 */
export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { database, auth, headers } = options;
  const hasCredentials = headers.has("authorization") || headers.has("cookie");
  const session = hasCredentials ? await auth.api.getSession({ headers }) : null;
  return { database, db: database.db, auth, session, headers, upgradeUrl: options.upgradeUrl, requestId: options.requestId, clientIp: options.clientIp, rateLimiter: options.rateLimiter };
}
