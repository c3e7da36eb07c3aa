import { describe, expect, it } from "vitest";
import type { AuthSession } from "./auth.ts";
import { createSessionCache } from "./session-cache.ts";

const sessionFor = (userId: string, expiresInMs = 60_000) =>
  ({ session: { userId, expiresAt: new Date(Date.now() + expiresInMs) }, user: { id: userId } }) as unknown as AuthSession;
const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

/** A cache over a lookup that counts its calls and answers a session per token (none for "revoked"). */
function countingCache(ttlMs = 5_000, expiresInMs?: number) {
  let lookups = 0;
  let release: (() => void) | null = null;
  const cache = createSessionCache({
    ttlMs,
    async lookup(headers) {
      lookups++;
      if (headers.get("x-slow")) await new Promise<void>((resolve) => (release = resolve));
      const token = headers.get("authorization")?.replace("Bearer ", "") ?? "";
      return token === "revoked" ? null : sessionFor(`user-${token}`, expiresInMs);
    },
  });
  return { cache, lookups: () => lookups, release: () => release?.() };
}

describe("session cache", () => {
  it("looks a session up once for repeated calls with the same credentials, and apart for others", async () => {
    const { cache, lookups } = countingCache();
    expect((await cache.get(bearer("a")))?.user.id).toBe("user-a");
    expect((await cache.get(bearer("a")))?.user.id).toBe("user-a");
    expect((await cache.get(bearer("b")))?.user.id).toBe("user-b");
    expect(lookups()).toBe(2);
  });

  it("never keeps a refusal, nor asks without credentials", async () => {
    const { cache, lookups } = countingCache();
    expect(await cache.get(bearer("revoked"))).toBeNull();
    expect(await cache.get(bearer("revoked"))).toBeNull();
    expect(await cache.get(new Headers())).toBeNull();
    expect(lookups()).toBe(2);
  });

  it("asks again after its time, and never past the session's own expiry", async () => {
    const short = countingCache(30);
    await short.cache.get(bearer("a"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await short.cache.get(bearer("a"));
    expect(short.lookups()).toBe(2);

    const expiring = countingCache(60_000, 20);
    await expiring.cache.get(bearer("a"));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await expiring.cache.get(bearer("a"));
    expect(expiring.lookups()).toBe(2);
  });

  it("forgets everything on clear, and does not keep a lookup that began before the clear", async () => {
    const { cache, lookups, release } = countingCache();
    await cache.get(bearer("a"));
    cache.clear();
    await cache.get(bearer("a"));
    expect(lookups()).toBe(2);

    const slow = new Headers({ authorization: "Bearer c", "x-slow": "1" });
    const pending = cache.get(slow);
    await new Promise((resolve) => setTimeout(resolve, 5));
    cache.clear();
    release();
    expect((await pending)?.user.id).toBe("user-c");
    await cache.get(bearer("c"));
    expect(lookups()).toBe(4);
  });
});
