import { Elysia } from "elysia";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import type { LidToPhoneNumber } from "../waha/types.ts";
import { lidSchema, lidsPageSchema, phoneIdSchema } from "./lids-schemas.ts";
import { decodeSegment } from "./messages.ts";

/** WAHA's answer to a lookup: an id it does not know is left out (its schema has no nulls). */
function mapping(lid: string | null, pn: string | null): LidToPhoneNumber {
  return { ...(lid ? { lid } : {}), ...(pn ? { pn } : {}) };
}

/** WAHA's hidden-id routes (`LidsController`): `<n>@lid` ids mapped to phone ids and back. */
export function lidRoutes(sessions: SessionManager) {
  return new Elysia({ name: "lids" })
    .get("/api/:session/lids", ({ params, query }) => {
      const session = parseSessionName(params.session);
      return sessions.engine(session).getAllLids(parseInput(lidsPageSchema, query));
    })
    .get("/api/:session/lids/count", async ({ params }) => {
      const session = parseSessionName(params.session);
      return { count: await sessions.engine(session).getLidsCount() };
    })
    .get("/api/:session/lids/pn/:phoneNumber", async ({ params }) => {
      const session = parseSessionName(params.session);
      const pn = parseInput(phoneIdSchema, decodeSegment(params.phoneNumber));
      return mapping(await sessions.engine(session).findLIDByPhoneNumber(pn), pn);
    })
    .get("/api/:session/lids/:lid", async ({ params }) => {
      const session = parseSessionName(params.session);
      const lid = parseInput(lidSchema, decodeSegment(params.lid));
      return mapping(lid, await sessions.engine(session).findPNByLid(lid));
    });
}
