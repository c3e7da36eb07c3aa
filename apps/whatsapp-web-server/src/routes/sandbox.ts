import { Elysia } from "elysia";
import { SandboxSession } from "../engines/sandbox/index.ts";
import { unprocessable } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { loadMediaFile } from "./media-file.ts";
import { inboundMediaSchema } from "./media-schemas.ts";
import {
  contactEditSchema,
  contactPresenceSchema,
  contactReactionSchema,
  inboundSchema,
  messageActionSchema,
  phoneSchema,
  rateLimitSchema,
  scanSchema,
} from "./sandbox-schemas.ts";

/**
 * Our extension (not WAHA): drive the simulated phone of a SANDBOX session. Scan its QR (link it),
 * inject what a simulated contact does (a message, a reaction, an edit, a revoke), and rehearse failures: a logout from the
 * phone, a crash, the phone offline, a send rate limit.
 */
export function sandboxRoutes(sessions: SessionManager) {
  const sandboxSession = (name: string) => {
    const engine = sessions.engine(parseSessionName(name));
    if (!(engine instanceof SandboxSession)) throw unprocessable(`Session '${name}' does not run on the SANDBOX engine`);
    return engine;
  };

  return new Elysia({ name: "sandbox" })
    .post("/api/sandbox/:session/scan", ({ params, body, set }) => {
      const input = parseInput(scanSchema, body);
      sandboxSession(params.session).scan(input);
      set.status = 201;
      return sessions.get(params.session);
    })
    .post("/api/sandbox/:session/inbound", ({ params, body, set }) => {
      const input = parseInput(inboundSchema, body);
      const message = sandboxSession(params.session).messaging.receiveText(input.from, input.text);
      set.status = 201;
      return message;
    })
    .post("/api/sandbox/:session/inbound/media", async ({ params, body, set }) => {
      const input = parseInput(inboundMediaSchema, body);
      const session = sandboxSession(params.session);
      const file = await loadMediaFile("file", input.file);
      set.status = 201;
      return session.messaging.receiveMedia(input.from, file, input.caption ?? "");
    })
    .post("/api/sandbox/:session/logout", ({ params, set }) => {
      sandboxSession(params.session).logoutFromPhone();
      set.status = 201;
      return sessions.get(params.session);
    })
    .post("/api/sandbox/:session/crash", ({ params, set }) => {
      sandboxSession(params.session).crash();
      set.status = 201;
      return sessions.get(params.session);
    })
    .post("/api/sandbox/:session/phone", ({ params, body, set }) => {
      const input = parseInput(phoneSchema, body);
      const session = sandboxSession(params.session);
      session.messaging.setPhoneOnline(input.online);
      set.status = 201;
      return { online: session.messaging.isPhoneOnline };
    })
    .post("/api/sandbox/:session/rate-limit", ({ params, body, set }) => {
      const input = parseInput(rateLimitSchema, body);
      const session = sandboxSession(params.session);
      session.messaging.rateLimit.set(input.perMinute);
      set.status = 201;
      return { perMinute: session.messaging.rateLimit.limit };
    })
    .post("/api/sandbox/:session/reaction", ({ params, body, set }) => {
      const input = parseInput(contactReactionSchema, body);
      sandboxSession(params.session).messaging.react(input.messageId, input.reaction, false);
      set.status = 201;
      return {};
    })
    .post("/api/sandbox/:session/presence", ({ params, body, set }) => {
      const input = parseInput(contactPresenceSchema, body);
      set.status = 201;
      return sandboxSession(params.session).messaging.receivePresence(input.from, input.presence);
    })
    .post("/api/sandbox/:session/edit", ({ params, body, set }) => {
      const input = parseInput(contactEditSchema, body);
      sandboxSession(params.session).messaging.edit(input.messageId, input.text, false);
      set.status = 201;
      return {};
    })
    .post("/api/sandbox/:session/revoke", ({ params, body, set }) => {
      const input = parseInput(messageActionSchema, body);
      sandboxSession(params.session).messaging.revoke(input.messageId, false);
      set.status = 201;
      return {};
    });
}
