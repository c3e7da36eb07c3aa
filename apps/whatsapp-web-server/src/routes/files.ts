import { Elysia } from "elysia";
import { z } from "zod";
import type { StoredMedia } from "../engines/sandbox/sandbox-store.ts";
import { notFound } from "../errors.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { decodeSegment } from "./messages.ts";

/** `<message id>.<extension>`: no slashes, no dots beyond the extension's, so no path tricks. */
const fileNameSchema = z.string().regex(/^(true|false)_[\w@.-]+_[A-Za-z0-9]+\.[a-z0-9]{1,8}$/, "file must be a media file name like true_111@c.us_3EB0AAAA.jpeg");

/** Shown inline only when a browser cannot run it; anything else downloads. */
const inlineTypes = /^(image\/(jpeg|png|gif|webp)|audio\/|video\/|application\/pdf)/;

/**
 * WAHA's media files (`GET /api/files/{session}/{file}`, the `media.url` of messages): the stored
 * bytes with their type. Behind the API key like every `/api/*` route; served with a policy that
 * keeps an uploaded HTML or SVG file from running as a page of this origin.
 */
export function fileRoutes(read: (session: string, name: string) => StoredMedia | null) {
  return new Elysia({ name: "files" }).get("/api/files/:session/:file", ({ params }) => {
    const session = parseSessionName(params.session);
    const name = parseInput(fileNameSchema, decodeSegment(params.file));
    const media = read(session, name);
    if (!media) throw notFound(`File '${name}' not found`);
    return new Response(media.bytes, {
      headers: {
        "Content-Type": media.mimetype,
        "Content-Disposition": `${inlineTypes.test(media.mimetype) ? "inline" : "attachment"}; filename="${name}"`,
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=31536000, immutable",
      },
    });
  });
}
