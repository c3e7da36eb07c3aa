import type { Database } from "./client.ts";

/**
 * A statement for the hottest reads, prepared once per database handle: Drizzle builds its SQL once
 * here, and Postgres plans it once per connection, instead of both on every call.
 */
export function preparedPerDatabase<Statement>(prepare: (db: Database) => Statement): (db: Database) => Statement {
  const statements = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = prepare(db)));
    return statement;
  };
}

/**
 * Raw SQL (`$1`, `$2`… for `params`) run as the named prepared statement `name`: Postgres parses
 * and plans it once per connection instead of on every call (PGlite runs it as it comes).
 */
export async function queryPrepared<Row>(db: Database, name: string, text: string, params: unknown[]): Promise<Row[]> {
  const result = (await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as { rows: Row[] };
  return result.rows;
}
