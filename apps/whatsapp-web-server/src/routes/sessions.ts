import { Elysia } from "elysia";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName, sessionCreateSchema, sessionUpdateSchema } from "../sessions/session-schemas.ts";
import { notFound } from "../errors.ts";

/** A name for a session created without one (WAHA Plus does the same). */
const generatedName = () => `session_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

/** WAHA's session routes (`SessionsController`): thin, everything happens in the manager. */
export function sessionRoutes(sessions: SessionManager) {
  return new Elysia({ name: "sessions" })
    .get("/api/sessions", ({ query }) => sessions.list(query.all === "true"))
    .post("/api/sessions", async ({ body, set }) => {
      const input = parseInput(sessionCreateSchema, body);
      const created = await sessions.create(input.name ?? generatedName(), input.config ?? {}, input.start);
      set.status = 201;
      return created;
    })
    .get("/api/sessions/:session", ({ params }) => sessions.get(parseSessionName(params.session)))
    .put("/api/sessions/:session", ({ params, body }) => {
      const input = parseInput(sessionUpdateSchema, body);
      return sessions.update(parseSessionName(params.session), input.config ?? {});
    })
    .delete("/api/sessions/:session", async ({ params }) => {
      await sessions.delete(parseSessionName(params.session));
    })
    .post("/api/sessions/:session/start", ({ params, set }) => {
      set.status = 201;
      return sessions.start(parseSessionName(params.session));
    })
    .post("/api/sessions/:session/stop", ({ params, set }) => {
      set.status = 201;
      return sessions.stop(parseSessionName(params.session));
    })
    .post("/api/sessions/:session/logout", ({ params, set }) => {
      set.status = 201;
      return sessions.logout(parseSessionName(params.session));
    })
    .post("/api/sessions/:session/restart", ({ params, set }) => {
      set.status = 201;
      return sessions.restart(parseSessionName(params.session));
    })
    .get("/api/sessions/:session/me", ({ params }) => {
      const name = parseSessionName(params.session);
      const me = sessions.me(name);
      if (!me) throw notFound(`Session '${name}' is not linked to an account`);
      return me;
    });
}
