/** What kind of file a mimetype is, for its size limit and how the bubble shows it. */
export type MediaCategory = "image" | "audio" | "video" | "document";

export interface MediaLimits {
  /** Largest image or voice/audio file, in bytes. Default 16 MB (WhatsApp's own). */
  imageMaxBytes: number;
  /** Largest video or document, in bytes. Default 64 MB. */
  fileMaxBytes: number;
}

export const defaultMediaLimits: MediaLimits = { imageMaxBytes: 16 * 1024 * 1024, fileMaxBytes: 64 * 1024 * 1024 };

/**
 * The types an agent may upload, and that are served as themselves. SVG, HTML and scripts are
 * left out on purpose: served from the API's origin they could run as pages.
 */
const allowedTypes: Record<string, MediaCategory> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/webp": "image",
  "image/gif": "image",
  "audio/ogg": "audio",
  "audio/opus": "audio",
  "audio/mpeg": "audio",
  "audio/mp4": "audio",
  "audio/x-m4a": "audio",
  "audio/aac": "audio",
  "audio/amr": "audio",
  "audio/wav": "audio",
  "audio/webm": "audio",
  "video/mp4": "video",
  "video/3gpp": "video",
  "video/quicktime": "video",
  "video/webm": "video",
  "application/pdf": "document",
  "text/plain": "document",
  "text/csv": "document",
  "application/rtf": "document",
  "application/zip": "document",
  "application/msword": "document",
  "application/vnd.ms-excel": "document",
  "application/vnd.ms-powerpoint": "document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "document",
  "application/vnd.oasis.opendocument.text": "document",
  "application/vnd.oasis.opendocument.spreadsheet": "document",
  "application/vnd.oasis.opendocument.presentation": "document",
};

export const allowedMimetypes = Object.keys(allowedTypes);

/** `Audio/OGG; codecs=opus` → `audio/ogg`. */
export const baseMimetype = (mimetype: string) => (mimetype.split(";")[0] ?? "").trim().toLowerCase();

export const mediaCategory = (mimetype: string): MediaCategory | null => allowedTypes[baseMimetype(mimetype)] ?? null;

export const maxBytesFor = (category: MediaCategory, limits: MediaLimits) =>
  category === "image" || category === "audio" ? limits.imageMaxBytes : limits.fileMaxBytes;

/** The largest file any category allows (the upload route's body limit). */
export const largestLimit = (limits: MediaLimits) => Math.max(limits.imageMaxBytes, limits.fileMaxBytes);

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A refused file: 413 too large, 415 a type we do not take. */
export class MediaRejected extends Error {
  constructor(
    readonly status: 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "MediaRejected";
  }
}

/** Throws `MediaRejected` unless a file of this type and size may be stored. */
export function checkMedia(mimetype: string, size: number, limits: MediaLimits): MediaCategory {
  const category = mediaCategory(mimetype);
  if (!category) throw new MediaRejected(415, `Files of type ${baseMimetype(mimetype) || "unknown"} are not accepted`);
  const max = maxBytesFor(category, limits);
  if (size > max) throw new MediaRejected(413, `The file is ${megabytes(size)}; ${category} files may be at most ${megabytes(max)}`);
  return category;
}
