import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMutationLimiter, type MutationLimiter } from "../src/services/rate-limit/mutation-limiter.ts";
import { startTestServer, trpcError, type TestServer } from "./support/server.ts";

// The same suite runs on the backend the environment picks: Redis when REDIS_URL is set (the CI
// pass on the production twins), memory otherwise, as the server itself decides.
const redisUrl = process.env.REDIS_URL || undefined;

let server: TestServer;
let limiter: MutationLimiter;

beforeAll(async () => {
  limiter = createMutationLimiter({
    perUser: { points: 3, duration: 60 },
    perIp: { points: 6, duration: 60 },
    redisUrl,
    keyPrefix: `nexis-test:${crypto.randomUUID()}`,
  });
  server = await startTestServer({ rateLimiter: limiter });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await limiter?.close();
});

describe(`mutation rate limits (${redisUrl ? "Redis" : "memory"})`, () => {
  it("uses the configured backend", () => {
    expect(limiter.backend).toBe(redisUrl ? "redis" : "memory");
  });

  it("refuses a user's 4th change in the window with TOO_MANY_REQUESTS and when to retry, and lets reads through", async () => {
    const user = await server.signUp("Busy");
    for (let index = 0; index < 3; index++) await user.trpc.tag.create.mutate({ name: `Tag ${index}` });
    const error = await trpcError(user.trpc.tag.create.mutate({ name: "One too many" }));
    expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(error.data?.httpStatus).toBe(429);
    const cause = (error.data as { cause?: { code: string; scope: string; retryAfterSeconds: number } }).cause;
    expect(cause).toMatchObject({ code: "RATE_LIMIT", scope: "user" });
    expect(cause?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/try again in \d+ s/);
    // Nothing was written by the refused call; reads are not limited.
    expect((await user.trpc.tag.list.query()).map((tag) => tag.name)).toEqual(["Tag 0", "Tag 1", "Tag 2"]);
  });

  it("limits per IP across users", async () => {
    // Six per IP in the window; the first test's four attempts count, the refused one too, so a
    // script cannot hammer for free (sign-ups are Better Auth's, limited there).
    const other = await server.signUp("Other");
    await other.trpc.tag.create.mutate({ name: "A" });
    await other.trpc.folder.create.mutate({ name: "B" });
    const error = await trpcError(other.trpc.folder.create.mutate({ name: "C" }));
    expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
    expect((error.data as { cause?: { scope: string } }).cause?.scope).toBe("ip");
  });
});
