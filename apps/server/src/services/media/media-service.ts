import { createHash } from "node:crypto";
import type { Database } from "@nexis/db";
import * as queries from "@nexis/db/queries/media";
import { fileTypeFromBuffer } from "file-type";
import { baseMimetype, checkMedia, type MediaLimits, MediaRejected, mediaCategory } from "./limits.ts";
import { type ByteRange, type MediaStorage, storageKeyFor } from "./storage.ts";

export type StoredMedia = queries.MediaRow;

export interface MediaService {
  readonly storage: MediaStorage;
  readonly limits: MediaLimits;
  /**
   * Stores a file for a workspace: its type is taken from its bytes where they tell it, then
   * checked (`MediaRejected` 415 / 413). `source: "inbound"` keeps a file WhatsApp delivered even
   * when its type is not on our list, as a download-only `application/octet-stream`.
   */
  save(params: { workspaceId: string; bytes: Uint8Array; mimetype: string; filename: string | null; source: "upload" | "inbound" }): Promise<StoredMedia>;
  /** The stored bytes of a media row (or a range of them); null when the storage lost them. */
  read(row: StoredMedia, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
}

/** Types file-type reports for containers that several document formats share. */
const containerTypes = new Set(["application/zip", "application/x-cfb"]);

/** What a file is: its bytes' signature wins over the sender's claim, except for containers. */
async function resolveMimetype(bytes: Uint8Array, declared: string): Promise<string | null> {
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const claim = baseMimetype(declared);
  if (detected) return containerTypes.has(detected) && mediaCategory(claim) === "document" ? claim : detected;
  // Pictures, sound and video always carry a signature; a claim of one without it is not one.
  const category = mediaCategory(claim);
  return category === "image" || category === "video" || category === "audio" ? null : claim;
}

/** A file name safe to show and to offer on download: no folders, no control characters. */
export function cleanFilename(name: string | null | undefined): string | null {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean && clean !== "." && clean !== ".." ? clean : null;
}

export function createMediaService(options: { db: Database; storage: MediaStorage; limits: MediaLimits }): MediaService {
  const { db, storage, limits } = options;
  return {
    storage,
    limits,
    async save({ workspaceId, bytes, mimetype: declared, filename, source }) {
      if (bytes.byteLength === 0) throw new MediaRejected(415, "The file is empty");
      let mimetype = await resolveMimetype(bytes, declared);
      try {
        if (!mimetype) throw new MediaRejected(415, `The file's content is not ${baseMimetype(declared)}`);
        checkMedia(mimetype, bytes.byteLength, limits);
      } catch (error) {
        if (!(source === "inbound" && error instanceof MediaRejected && error.status === 415)) throw error;
        mimetype = "application/octet-stream";
        checkMedia("application/pdf", bytes.byteLength, limits); // the document size limit
      }
      const id = crypto.randomUUID();
      const storageKey = storageKeyFor(workspaceId, id);
      await storage.put(storageKey, bytes, mimetype);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      try {
        return await queries.insertMedia(db, { id, workspaceId, storageKey, mimetype, filename: cleanFilename(filename), size: bytes.byteLength, sha256 });
      } catch (error) {
        await storage.delete(storageKey).catch(() => {});
        throw error;
      }
    },
    read(row, range) {
      return storage.get(row.storageKey, range);
    },
  };
}
