import type { MediaFile, WAMedia, WAMessage } from "../../waha/types.ts";
import type { MediaStore } from "./sandbox-store.ts";

const extensions: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "audio/ogg": "oga",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/** The stored file's name, as WAHA names it: `<message id>.<extension of its type>`. */
export function mediaFileName(messageId: string, mimetype: string): string {
  const base = mimetype.split(";")[0]?.trim().toLowerCase() ?? "";
  return `${messageId}.${extensions[base] ?? "bin"}`;
}

/**
 * Stores a message's file and gives the message WAHA's media fields: `hasMedia`, `media` and the
 * deprecated `mediaUrl`, with the URL that serves the stored bytes.
 */
export function attachMedia(message: WAMessage, file: MediaFile, store: MediaStore, urlOf: (name: string) => string): WAMessage {
  const name = mediaFileName(message.id, file.mimetype);
  store.save(name, { bytes: file.bytes, mimetype: file.mimetype });
  // WAHA's document types `filename` as a string: a file sent without one has none.
  const media: WAMedia = { url: urlOf(name), mimetype: file.mimetype, ...(file.filename ? { filename: file.filename } : {}) };
  return { ...message, hasMedia: true, media, mediaUrl: media.url };
}
