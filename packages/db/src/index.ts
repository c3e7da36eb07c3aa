export { createDatabase, queryRows, type Database, type DatabaseConnection, type DatabaseOptions, type Schema } from "./client.ts";
export { hasCause, type DatabaseErrorFields } from "./errors.ts";
export * as schema from "./schema/index.ts";
