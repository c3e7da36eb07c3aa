// Only for Better Auth's schema generator (`pnpm --filter server auth:schema`): the CLI reads the
// options of an `auth` export; the mock database is never queried.
import { schema } from "@nexis/db";
import { drizzle } from "drizzle-orm/node-postgres";
import { createAuth } from "../src/auth/auth.ts";
import { createDevMailbox } from "../src/services/mail/index.ts";

export const auth = createAuth({
  db: drizzle.mock({ schema, casing: "snake_case" }),
  secret: "schema-generation-only-secret-0123456789",
  baseURL: "http://localhost:8787",
  trustedOrigins: [],
  mailer: createDevMailbox("/dev/null"),
  clientUrl: "http://localhost:3000",
});
