import type { DatabaseConnection } from "@nexis/db";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { appRouter } from "./trpc/routers/_app.ts";
import { serverVersion } from "./version.ts";

export interface AppOptions {
  database: DatabaseConnection;
  corsOrigins: string[];
}

/** The API server's HTTP surface, without listening (tests call `app.request`). */
export function createApp({ database, corsOrigins }: AppOptions) {
  const app = new Hono();

  app.use("*", secureHeaders());
  app.use("*", cors({ origin: corsOrigins, credentials: true, maxAge: 600 }));

  /** Liveness: the process answers. */
  app.get("/health", (c) => c.json({ status: "ok", version: serverVersion }));

  /** Readiness: the dependencies answer; a load balancer stops routing here on 503. */
  app.get("/ready", async (c) => {
    try {
      await database.ping();
      return c.json({ status: "ready", checks: { database: "ok" } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return c.json({ status: "unavailable", checks: { database: "down" }, reason }, 503);
    }
  });

  app.use("/trpc/*", trpcServer({ router: appRouter, endpoint: "/trpc", createContext: () => ({ database }) }));

  app.notFound((c) => c.json({ error: "Not found", path: c.req.path }, 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json({ error: "Internal server error" }, 500);
  });

  return app;
}
