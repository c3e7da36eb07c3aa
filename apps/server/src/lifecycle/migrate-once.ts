import type { DatabaseConnection } from "@nexis/db";
import { sql } from "drizzle-orm";

/**
 * Applies pending migrations while holding a Postgres advisory lock, so API instances starting
 * together (a deploy, a cluster's first start) apply them once: the others wait, then find
 * nothing left to do. Without it, all but one crash on "relation already exists". PGlite
 * belongs to one process: no lock needed.
 */
export async function migrateOnce(database: DatabaseConnection): Promise<void> {
  if (database.kind !== "postgres") return database.migrate();
  // The lock lives as long as this transaction, on a pooled connection of its own; the
  // migrations run on another one. Ending the transaction releases it, whatever happened.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('nexis:migrations'))`);
    await database.migrate();
  });
}
