import type { AuthSession } from "./auth.ts";

export interface SessionCache {
  /** The session the request's credentials (bearer token or cookies) open, or null when signed out. */
  get(headers: Headers): Promise<AuthSession | null>;
  /** Forgets every session: called after anything that may sign out, revoke or change a session. */
  clear(): void;
}

export interface SessionCacheOptions {
  /** The real lookup (Better Auth's `getSession`). */
  lookup(headers: Headers): Promise<AuthSession | null>;
  /** How long a session found is reused (default 5 s); also the most another instance's revocation lags. */
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * Reuses a session found for the same credentials for a few seconds, so a burst of reads (the
 * inbox opening: chats, messages, counts, media) costs one session lookup instead of one each;
 * that lookup was most of every signed-in call (bench/inbox-read). Only sessions are kept, never
 * a refusal, and never past the session's own expiry. On this instance anything that could end
 * or change a session (any auth route or tRPC mutation) clears the cache, and a lookup that
 * began before such a clear is not kept; another instance's revocation is seen within `ttlMs`.
 * Membership is not cached: a removed member is refused at once.
 */
export function createSessionCache(options: SessionCacheOptions): SessionCache {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { expiresAt: number; session: AuthSession }>();
  let generation = 0;

  return {
    async get(headers) {
      const authorization = headers.get("authorization");
      const cookie = headers.get("cookie");
      if (!authorization && !cookie) return null;
      const key = `${authorization ?? ""}\n${cookie ?? ""}`;
      const now = Date.now();
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now) return cached.session;
      if (cached) entries.delete(key);
      const startedIn = generation;
      const session = await options.lookup(headers);
      if (session && startedIn === generation) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, { expiresAt: Math.min(now + ttlMs, new Date(session.session.expiresAt).getTime()), session });
      }
      return session;
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}
