import { publicProcedure } from "../init.ts";
import { serverVersion } from "../../version.ts";

const startedAt = Date.now();

/** Liveness through tRPC: proves the database answers and says which server version runs. */
export const healthQuery = publicProcedure.query(async ({ ctx }) => {
  const databaseTime = await ctx.database.ping();
  return {
    status: "ok" as const,
    version: serverVersion,
    database: ctx.database.kind,
    databaseTime: databaseTime.toISOString(),
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  };
});
