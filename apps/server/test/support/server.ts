import { serve, type ServerType } from "@hono/node-server";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AddressInfo } from "node:net";
import type { DatabaseConnection } from "@nexis/db";
import { type AppOptions, createApp } from "../../src/app.ts";
import type { AppRouter } from "../../src/trpc/routers/_app.ts";

export const clientOrigin = "http://localhost:3000";
export const subscriptionOrigin = "http://localhost:3001";
export const testPassword = "correct horse battery";

export interface TestServer {
  baseUrl: string;
  database: TestDatabase;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
  /** Signs a new user up through HTTP; returns their credentials and tRPC clients. */
  signUp(name?: string): Promise<TestUser>;
  /** A tRPC client sending the given headers (cookie or bearer). */
  client(headers?: Record<string, string>): ReturnType<typeof createTRPCClient<AppRouter>>;
  /** POSTs JSON to a Better Auth route with the client's Origin. */
  authPost(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
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

/** The app's options for tests (Better Auth's rate limit off unless asked for). */
export function testAppOptions(database: DatabaseConnection, options: { authRateLimit?: boolean } = {}): AppOptions {
  return {
    database,
    corsOrigins: [clientOrigin, subscriptionOrigin],
    serverUrl: "http://localhost:8787",
    authSecret: "test-secret-that-is-long-enough-0123456789",
    subscriptionUrl: subscriptionOrigin,
    authRateLimit: options.authRateLimit ?? false,
  };
}

/** The API server on a throwaway database, listening on an ephemeral loopback port. */
export async function startTestServer(options: { authRateLimit?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase(process.env.DATABASE_URL);
  const app = createApp(testAppOptions(database, options));
  const server: ServerType = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = (headers: Record<string, string> = {}) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers })] });

  const authPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: clientOrigin, ...headers },
      body: JSON.stringify(body),
    });

  async function signUp(name = `User ${++userCounter}`): Promise<TestUser> {
    const email = `user-${Date.now()}-${++userCounter}@example.com`;
    const response = await authPost("/sign-up/email", { name, email, password: testPassword });
    if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { user: { id: string } };
    const token = response.headers.get("set-auth-token");
    if (!token) throw new Error("sign-up returned no set-auth-token header");
    return { userId: body.user.id, email, cookie: cookieHeader(response), token, trpc: client({ authorization: `Bearer ${token}` }) };
  }

  return {
    baseUrl,
    database,
    app,
    client,
    authPost,
    signUp,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await database.dispose();
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
