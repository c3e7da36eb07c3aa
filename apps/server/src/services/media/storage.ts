/** A byte range to read, both ends inclusive (HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where media bytes live: the filesystem by default, or any S3-compatible store. */
export interface MediaStorage {
  readonly kind: "filesystem" | "s3";
  put(key: string, bytes: Uint8Array, mimetype: string): Promise<void>;
  /** The bytes (or a range of them), or null when nothing is stored under the key. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

/**
 * Storage keys are made here only, from ids the database generated (`<workspace>/<media>`), so
 * no user-given name ever reaches a path or an object key.
 */
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const idLike = /^[\w-]{1,64}$/;

export function storageKeyFor(workspaceId: string, mediaId: string): string {
  if (!idLike.test(workspaceId) || !idPattern.test(mediaId)) throw new Error("storage keys are made of ids only");
  return `${workspaceId}/${mediaId}`;
}

/** Whether a key has the shape `storageKeyFor` makes (the storages refuse any other). */
export const isStorageKey = (key: string) => {
  const [workspaceId, mediaId, ...rest] = key.split("/");
  return rest.length === 0 && idLike.test(workspaceId ?? "") && idPattern.test(mediaId ?? "");
};
