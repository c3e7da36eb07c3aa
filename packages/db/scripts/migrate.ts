// Applies pending migrations to the database the apps use: DATABASE_URL when set, otherwise the
// embedded PGlite under DATA_DIR (default `.data/`). Run by the start script before the apps start.
import path from "node:path";
import { dataDir } from "@nexis/env";
import { createDatabase } from "../src/client.ts";

const url = process.env.DATABASE_URL || undefined;
const connection = await createDatabase({ url, pgliteDir: url ? undefined : path.join(dataDir(process.env.DATA_DIR), "pglite") });
const started = performance.now();
try {
  await connection.migrate();
  console.log(`Migrations applied to ${connection.kind} in ${Math.round(performance.now() - started)} ms`);
} finally {
  await connection.close();
}
