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
