import type { Database } from "@nexis/db";
import * as queries from "@nexis/db/queries/media";
import { findMembership } from "@nexis/db/queries/workspace";
import { type Context as HonoContext, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Auth } from "../../auth/auth.ts";
import type { SessionCache } from "../../auth/session-cache.ts";
import { roleAllows } from "../../auth/permissions.ts";
import { largestLimit, MediaRejected } from "./limits.ts";
import type { MediaService, StoredMedia } from "./media-service.ts";
import type { ByteRange } from "./storage.ts";

/** Shown in the browser; everything else downloads. */
const inlineTypes = /^(image\/(jpeg|png|gif|webp)|audio\/|video\/)/;
const mediaIdSchema = z.uuid();

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function contentDisposition(row: StoredMedia): string {
  const disposition = inlineTypes.test(row.mimetype) ? "inline" : "attachment";
  const name = row.filename ?? `${row.id}`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A single `bytes=` range within `size`; null for none, "invalid" for one we cannot serve. */
function parseRange(header: string | undefined, size: number): ByteRange | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  const [, from = "", to = ""] = match;
  const range = from === "" ? { start: Math.max(0, size - Number(to)), end: size - 1 } : { start: Number(from), end: to === "" ? size - 1 : Math.min(Number(to), size - 1) };
  return range.start > range.end || range.start >= size ? "invalid" : range;
}

/**
 * `POST /media` (an agent's upload, multipart field `file`) and `GET /media/:id` (the bytes, to
 * members of the owning workspace only). Both take the session cookie or a bearer token.
 */
export function mediaRoutes(options: { db: Database; auth: Auth; sessions?: SessionCache; media: MediaService; allowedOrigins: string[] }) {
  const { db, auth, media } = options;
  const allowedOrigins = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  /** A cookie-authenticated upload from another site's page (CSRF): a form post needs no CORS. */
  const crossSite = (c: HonoContext) => {
    if (c.req.header("authorization")) return false;
    const origin = c.req.header("origin");
    return c.req.header("sec-fetch-site") === "cross-site" || (origin !== undefined && !allowedOrigins.has(origin));
  };
  const app = new Hono();
  const session = (c: HonoContext) => (options.sessions ? options.sessions.get(c.req.raw.headers) : auth.api.getSession({ headers: c.req.raw.headers }));

  app.post(
    "/",
    // The largest file plus room for the multipart envelope; the per-type limit follows.
    bodyLimit({ maxSize: largestLimit(media.limits) + 64 * 1024, onError: (c) => c.json({ error: "The file is too large" }, 413) }),
    async (c) => {
      if (crossSite(c)) return c.json({ error: "Uploads are only accepted from the app's own pages." }, 403);
      const caller = await session(c);
      if (!caller) return c.json({ error: "Sign in to continue." }, 401);
      const workspaceId = caller.session.activeOrganizationId;
      if (!workspaceId) return c.json({ error: "Choose a workspace first." }, 403);
      const membership = await findMembership(db, { userId: caller.user.id, workspaceId });
      if (!membership || !roleAllows(membership.role, { chat: ["reply"] })) return c.json({ error: "You may not send files in this workspace." }, 403);
      let file: File | string | null;
      try {
        file = (await c.req.formData()).get("file");
      } catch {
        return c.json({ error: "Send the file as multipart/form-data in the field `file`." }, 400);
      }
      if (!(file instanceof File)) return c.json({ error: "Send the file as multipart/form-data in the field `file`." }, 400);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const stored = await media.save({ workspaceId, bytes, mimetype: file.type, filename: file.name, source: "upload" });
        return c.json({ id: stored.id, mimetype: stored.mimetype, filename: stored.filename, size: stored.size }, 201);
      } catch (error) {
        if (error instanceof MediaRejected) return c.json({ error: error.message }, error.status);
        throw error;
      }
    },
  );

  app.get("/:id", async (c) => {
    const id = mediaIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.json({ error: "Not a media id" }, 400);
    const caller = await session(c);
    if (!caller) return c.json({ error: "Sign in to continue." }, 401);
    // Another workspace's file answers exactly like a missing one.
    const row = await queries.getMediaForMember(db, { userId: caller.user.id, id: id.data });
    if (!row) return c.json({ error: "Not found" }, 404);

    const etag = `"${row.sha256}"`;
    const headers: Record<string, string> = {
      "Content-Type": row.mimetype,
      "Content-Disposition": contentDisposition(row),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=86400",
      Vary: "Cookie, Authorization",
      "Accept-Ranges": "bytes",
      ETag: etag,
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    const range = parseRange(c.req.header("range"), row.size);
    if (range === "invalid") return c.body(null, 416, { ...headers, "Content-Range": `bytes */${row.size}` });
    const body = await media.read(row, range ?? undefined);
    if (!body) return c.json({ error: "The file is no longer stored" }, 410);
    if (!range) return c.body(body, 200, { ...headers, "Content-Length": String(row.size) });
    return c.body(body, 206, { ...headers, "Content-Length": String(range.end - range.start + 1), "Content-Range": `bytes ${range.start}-${range.end}/${row.size}` });
  });

  return app;
}
