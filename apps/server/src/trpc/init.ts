import type { DatabaseConnection } from "@nexis/db";
import { initTRPC } from "@trpc/server";

/** What every procedure receives; built once per request by `createContext`. */
export interface Context {
  database: DatabaseConnection;
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** For procedures anyone may call, signed in or not (health, public catalogue reads). */
export const publicProcedure = t.procedure;
