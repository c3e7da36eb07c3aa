import { badRequest, unprocessable } from "../errors.ts";
import type { MediaFile, MediaKind } from "../waha/types.ts";
import { mediaRules } from "./media-schemas.ts";

type FileInput = { url?: string; data?: string; mimetype: string; filename?: string | null };

const DOWNLOAD_TIMEOUT_MS = 15_000;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(field: string, kind: MediaKind): never {
  throw badRequest(`file.${field}: the file is larger than the ${megabytes(mediaRules[kind].maxBytes)} limit for ${kind}`);
}

/** Reads a response body, refusing it as soon as it passes `maxBytes` (never buffering more). */
async function readLimited(response: Response, maxBytes: number, kind: MediaKind): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) tooLarge("url", kind);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) tooLarge("url", kind);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function download(url: string, kind: MediaKind): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    throw unprocessable(`file.url could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw unprocessable(`file.url could not be downloaded: HTTP ${response.status}`);
  return readLimited(response, mediaRules[kind].maxBytes, kind);
}

/**
 * The bytes of a file to send, from WAHA's `file` object (`url` to download or base64 `data`),
 * checked against the kind's accepted types and size limit (400 naming the field otherwise).
 */
export async function loadMediaFile(kind: MediaKind, file: FileInput): Promise<MediaFile> {
  const rules = mediaRules[kind];
  const baseType = file.mimetype.split(";")[0]?.trim() ?? "";
  if (!rules.types.test(baseType)) throw badRequest(`file.mimetype: ${kind} must be ${rules.describe}, not ${file.mimetype}`);
  let bytes: Uint8Array;
  if (file.data !== undefined) {
    // Checked before decoding, so an oversized body is refused without a second copy in memory.
    if (Math.floor((file.data.length * 3) / 4) > rules.maxBytes + 2) tooLarge("data", kind);
    bytes = Buffer.from(file.data, "base64");
    if (bytes.byteLength > rules.maxBytes) tooLarge("data", kind);
  } else if (file.url !== undefined) {
    bytes = await download(file.url, kind);
  } else {
    throw badRequest("file: needs either url or data (base64)");
  }
  if (bytes.byteLength === 0) throw badRequest("file: the file is empty");
  return { bytes, mimetype: file.mimetype, filename: file.filename ?? null };
}
