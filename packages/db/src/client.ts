import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;

/** The Drizzle database every query function takes: PGlite and node-postgres share this type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseConnection {
  db: Database;
  /** `pglite` (embedded, files under `.data/`) or `postgres` (a real server through `pg`). */
  kind: "pglite" | "postgres";
  /** Applies the committed migrations that are not applied yet. */
  migrate(): Promise<void>;
  /** Round trip to the database; rejects when it is unreachable. */
  ping(): Promise<Date>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A `postgres://` URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite's data folder; when absent PGlite keeps everything in memory (tests). */
  pgliteDir?: string | undefined;
  /** Pool size for real Postgres. */
  maxConnections?: number;
}

// Resolved through the package system, so that it still holds when an app bundles this code.
const migrationsFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@nexis/db/package.json")),
  "migrations",
);

// Our own migrations table, so a database shared with another Drizzle project never skips ours.
const migrationConfig = { migrationsFolder, migrationsTable: "__nexis_migrations", migrationsSchema: "drizzle" };

/**
 * Opens the database chosen by configuration: real Postgres through a `pg` Pool when `url` is
 * set, otherwise PGlite (embedded Postgres). Both run the same schema and migrations.
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseConnection> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const db = drizzleNodePostgres({ client: pool, schema, casing: "snake_case" });
    return {
      db,
      kind: "postgres",
      migrate: () => migrateNodePostgres(db, migrationConfig),
      ping: () => now(db),
      close: () => pool.end(),
    };
  }
  const client = options.pgliteDir ? new PGlite(options.pgliteDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db, migrationConfig),
    ping: () => now(db),
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as { rows: Row[] };
  return result.rows;
}

async function now(db: Database): Promise<Date> {
  const [row] = await queryRows<{ now: Date | string }>(db, sql`select now() as now`);
  const value = row?.now;
  if (value === undefined) throw new Error("select now() returned no row");
  return new Date(value);
}
