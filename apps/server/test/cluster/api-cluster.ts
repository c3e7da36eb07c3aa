import { randomBytes } from "node:crypto";
import { queryRows } from "@nexis/db";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { signWebhookBody } from "@nexis/waha-client/webhooks";
import { createTRPCClient, httpLink } from "@trpc/client";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { createSecretBox } from "../../src/services/secrets/secret-box.ts";
import type { AppRouter } from "../../src/trpc/routers/_app.ts";
import { type ApiProcess, spawnApiProcess } from "../support/api-process.ts";
import { clientOrigin, testPassword } from "../support/server.ts";
import { startWhatsAppService, type WhatsAppService } from "../support/whatsapp-service.ts";

/** Cluster tests always run on the real twins: Postgres and Redis on this machine unless told otherwise. */
export const adminDatabaseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
export const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface ClusterUser {
  userId: string;
  token: string;
  /** The user's tRPC client on one instance (Bearer token: any instance accepts it). */
  at(instance: ApiProcess): ApiClient;
}

export interface ApiCluster {
  instances: ApiProcess[];
  whatsapp: WhatsAppService;
  /** The one fresh database every instance shares (dropped by `close`). */
  database: TestDatabase;
  redisPrefix: string;
  signUp(instance: ApiProcess, name: string): Promise<ClusterUser>;
  /** The account's webhook key, opened as the instances open it, to sign webhooks to any of them. */
  webhooks(accountId: string): Promise<WebhookSender>;
  close(): Promise<void>;
}

export interface WebhookSender {
  hmacKey: string;
  /** POSTs a signed WAHA webhook for the account to `instance`, as the WhatsApp service would. */
  post(instance: ApiProcess, envelope: { id: string; event: string; payload: unknown }): Promise<Response>;
}

let userCounter = 0;

/**
 * Several API server processes sharing one fresh Postgres database and Redis (under a prefix of
 * their own), pointed at one real WhatsApp service on the SANDBOX engine.
 */
export async function startApiCluster(options: { instances?: number; shutdownTimeoutMs?: number } = {}): Promise<ApiCluster> {
  const redisPrefix = `nexis-cluster-${randomBytes(4).toString("hex")}`;
  const authSecret = randomBytes(32).toString("base64url");
  const [database, whatsapp] = await Promise.all([createTestDatabase(adminDatabaseUrl), startWhatsAppService()]);
  const databaseUrl = database.url;
  if (!databaseUrl) throw new Error("cluster tests need Postgres");
  const instances = await Promise.all(
    Array.from({ length: options.instances ?? 2 }, () =>
      spawnApiProcess({ databaseUrl, redisUrl, redisPrefix, authSecret, whatsapp, ...(options.shutdownTimeoutMs ? { shutdownTimeoutMs: options.shutdownTimeoutMs } : {}) }),
    ),
  );
  const secretBox = createSecretBox(authSecret, "whatsapp-webhook-key");

  async function signUp(instance: ApiProcess, name: string): Promise<ClusterUser> {
    const email = `cluster-${Date.now()}-${++userCounter}@example.com`;
    const response = await fetch(`${instance.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: clientOrigin },
      body: JSON.stringify({ name, email, password: testPassword }),
    });
    if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const token = response.headers.get("set-auth-token");
    if (!token) throw new Error("sign-up returned no set-auth-token header");
    const { user } = (await response.json()) as { user: { id: string } };
    return {
      userId: user.id,
      token,
      at: (target) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${target.baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })] }),
    };
  }

  async function webhooks(accountId: string): Promise<WebhookSender> {
    const [row] = await queryRows<{ secret: string }>(database.db, sql`select webhook_secret as secret from whatsapp_account where id = ${accountId}`);
    const hmacKey = secretBox.open(row?.secret ?? "");
    if (!hmacKey) throw new Error("could not open the account's webhook key");
    return {
      hmacKey,
      post(instance, envelope) {
        const body = JSON.stringify({ ...envelope, session: accountId, timestamp: Date.now(), engine: "NOWEB" });
        return fetch(`${instance.baseUrl}/webhooks/whatsapp`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": signWebhookBody(body, hmacKey) },
          body,
        });
      },
    };
  }

  return {
    instances,
    whatsapp,
    database,
    redisPrefix,
    signUp,
    webhooks,
    async close() {
      await Promise.all(instances.map((instance) => instance.stop("SIGTERM")));
      await whatsapp.close();
      await database.dispose();
      await deleteRedisKeys(`${redisPrefix}:*`);
    },
  };
}

/** Leaves Redis as the test found it: the queue's and the rate limits' keys under the test's prefix. */
export async function deleteRedisKeys(pattern: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

