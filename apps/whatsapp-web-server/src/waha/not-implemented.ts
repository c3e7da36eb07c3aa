import type { AnyElysia } from "elysia";
import wahaRoutes from "./routes.json" with { type: "json" };

/** WAHA's route template `/api/{session}/chats` in Elysia's syntax, `/api/:session/chats`. */
export function toElysiaPath(wahaPath: string): string {
  return wahaPath.replace(/\{(\w+)\}/g, ":$1");
}

/** The 501 body (NestJS's NotImplementedException shape, as WAHA would send it). */
export function notImplementedBody(method: string, wahaPath: string) {
  return { statusCode: 501, message: `Not implemented yet: ${method} ${wahaPath}`, error: "Not Implemented" };
}

/**
 * Answers every WAHA route the app has not registered with 501 JSON, so a WAHA client can tell
 * "not built yet" from a wrong URL (404). Use it last: it skips routes already registered, so
 * implementing a route anywhere before it is all it takes to replace its 501.
 */
export function notImplementedWahaRoutes<App extends AnyElysia>(app: App): App {
  const implemented = new Set(app.routes.map((route) => `${route.method} ${route.path}`));
  for (const { method, path } of wahaRoutes.routes) {
    const elysiaPath = toElysiaPath(path);
    if (implemented.has(`${method} ${elysiaPath}`)) continue;
    app.route(method, elysiaPath, ({ set }) => {
      set.status = 501;
      return notImplementedBody(method, path);
    });
  }
  return app;
}
