import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { type ByteRange, isStorageKey, type MediaStorage } from "./storage.ts";

/** Media as files under `root` (`.data/media` by default), one folder per workspace. */
export function createFilesystemStorage(root: string): MediaStorage {
  const base = path.resolve(root);

  /** The file of a key; a key `storageKeyFor` did not make is refused, so no path escapes `base`. */
  function fileOf(key: string): string {
    if (!isStorageKey(key)) throw new Error("not a media storage key");
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error("not a media storage key");
    return file;
  }

  return {
    kind: "filesystem",
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed into place, so a reader never sees half a file.
      const partial = `${file}.${crypto.randomUUID()}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, file);
    },
    async get(key, range?: ByteRange) {
      const file = fileOf(key);
      const exists = await stat(file).then(
        (info) => info.isFile(),
        () => false,
      );
      if (!exists) return null;
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
