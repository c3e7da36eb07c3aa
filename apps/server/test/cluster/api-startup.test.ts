import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createDatabase, queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type ApiProcess, spawnApiProcess } from "../support/api-process.ts";
import { startWhatsAppService, type WhatsAppService } from "../support/whatsapp-service.ts";
import { adminDatabaseUrl, deleteRedisKeys, redisUrl } from "./api-cluster.ts";

const databaseName = `nexis_cluster_start_${Date.now()}_${randomBytes(3).toString("hex")}`;
const redisPrefix = `nexis-cluster-${randomBytes(4).toString("hex")}`;

let whatsapp: WhatsAppService | undefined;
const started: ApiProcess[] = [];

/** Runs statements on a connection of its own (e.g. on the server's `postgres` database). */
async function withDatabase<T>(url: string, run: (connection: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> {
  const connection = await createDatabase({ url, maxConnections: 1 });
  try {
    return await run(connection);
  } finally {
    await connection.close();
  }
}

afterAll(async () => {
  await Promise.all(started.map((instance) => instance.stop()));
  await whatsapp?.close();
  await withDatabase(adminDatabaseUrl, ({ db }) => db.execute(sql.raw(`drop database if exists "${databaseName}" with (force)`)));
  await deleteRedisKeys(`${redisPrefix}:*`);
}, 60_000);

describe("API instances starting together", () => {
  it("three instances on one empty database apply the migrations once and all start", async () => {
    await withDatabase(adminDatabaseUrl, ({ db }) => db.execute(sql.raw(`create database "${databaseName}"`)));
    const databaseUrl = Object.assign(new URL(adminDatabaseUrl), { pathname: `/${databaseName}` }).toString();
    whatsapp = await startWhatsAppService();
    const service = whatsapp;
    const authSecret = randomBytes(32).toString("base64url");

    const results = await Promise.allSettled(Array.from({ length: 3 }, () => spawnApiProcess({ databaseUrl, redisUrl, redisPrefix, authSecret, whatsapp: service })));
    for (const result of results) if (result.status === "fulfilled") started.push(result.value);
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : "ready"))).toEqual(["ready", "ready", "ready"]);

    const journalPath = path.join(path.dirname(createRequire(import.meta.url).resolve("@nexis/db/package.json")), "migrations/meta/_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: unknown[] };
    const [applied] = await withDatabase(databaseUrl, ({ db }) => queryRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__nexis_migrations`));
    expect(applied?.count).toBe(journal.entries.length);
  });
});
