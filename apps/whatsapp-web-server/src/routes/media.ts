import { Elysia } from "elysia";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput } from "../sessions/session-schemas.ts";
import type { MediaKind } from "../waha/types.ts";
import { loadMediaFile } from "./media-file.ts";
import { forwardMessageSchema, sendMediaSchema } from "./media-schemas.ts";

const orUndefined = <T>(value: T | null | undefined) => value ?? undefined;

const mediaPaths: Array<[path: string, kind: MediaKind]> = [
  ["/api/sendImage", "image"],
  ["/api/sendFile", "file"],
  ["/api/sendVoice", "voice"],
  ["/api/sendVideo", "video"],
];

/** WAHA's media sends and `forwardMessage` (`ChattingController`): 201 `WAMessage` with `media`. */
export function mediaRoutes(sessions: SessionManager) {
  const app = new Elysia({ name: "media" });
  for (const [path, kind] of mediaPaths) {
    app.post(path, async ({ body, set }) => {
      const input = parseInput(sendMediaSchema, body);
      // The session is checked first, so a stopped one is not made to download anything.
      const engine = sessions.engine(input.session);
      const file = await loadMediaFile(kind, input.file);
      set.status = 201;
      return engine.sendMedia({
        session: input.session,
        chatId: input.chatId,
        kind,
        file,
        caption: orUndefined(input.caption),
        reply_to: orUndefined(input.reply_to),
        id: orUndefined(input.id),
      });
    });
  }
  return app.post("/api/forwardMessage", async ({ body, set }) => {
    const input = parseInput(forwardMessageSchema, body);
    set.status = 201;
    return sessions.engine(input.session).forwardMessage({ ...input, id: orUndefined(input.id) });
  });
}
