import { describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { apiKeyAuth } from "./api-key.ts";

const key = "right-key";

/** A listening app with the guard in front of one route, so requests come from a real socket address. */
function guardedServer(options: Parameters<typeof apiKeyAuth>[1]) {
  const app = new Elysia().use(apiKeyAuth(key, options)).get("/api/thing", () => ({ ok: true })).get("/health", () => ({ ok: true })).listen({ port: 0, hostname: "127.0.0.1" });
  const base = `http://127.0.0.1:${app.server?.port}`;
  return { get: (path: string, apiKey?: string) => fetch(`${base}${path}`, { headers: apiKey ? { "X-Api-Key": apiKey } : {} }), stop: () => app.stop() };
}

describe("API key guard", () => {
  test("refuses an address with 429 and Retry-After once it has sent too many wrong keys, even with the right key then", async () => {
    const server = guardedServer({ maxFailures: 3, windowSeconds: 30 });
    try {
      expect((await server.get("/api/thing", key)).status).toBe(200);
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await server.get("/api/thing", `guess-${attempt}`)).status).toBe(401);
      const refused = await server.get("/api/thing", "guess-4");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await refused.json()) as { message: string }).message).toContain("wrong API key");
      expect((await server.get("/api/thing", key)).status).toBe(429);
      // Probes outside /api stay open.
      expect((await server.get("/health")).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  test("does not count requests with the right key", async () => {
    const server = guardedServer({ maxFailures: 2, windowSeconds: 30 });
    try {
      for (let request = 0; request < 10; request += 1) expect((await server.get("/api/thing", key)).status).toBe(200);
      expect((await server.get("/api/thing")).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});
