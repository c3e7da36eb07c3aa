import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type DatabaseConnection } from "./client.ts";

export interface TestDatabase extends DatabaseConnection {
  /** The URL of the throwaway Postgres database, when the run uses Postgres. */
  url: string | undefined;
  /** Closes the connection and drops the throwaway database. */
  dispose(): Promise<void>;
}

/**
 * A migrated, empty database for one test file: a fresh database on the Postgres server named by
 * `adminUrl` (normally the test run's DATABASE_URL), or an in-memory PGlite when none is given.
 * The Postgres database is dropped by `dispose()`, so runs never collide or leave data behind.
 */
export async function createTestDatabase(adminUrl: string | undefined): Promise<TestDatabase> {
  if (!adminUrl) {
    const connection = await createDatabase();
    await connection.migrate();
    return { ...connection, url: undefined, dispose: () => connection.close() };
  }
  const name = `nexis_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  const connection = await createDatabase({ url, maxConnections: 4 });
  await connection.migrate();
  return {
    ...connection,
    url,
    async dispose() {
      await connection.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
