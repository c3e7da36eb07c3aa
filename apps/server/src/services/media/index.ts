import { createFilesystemStorage } from "./fs-storage.ts";
import { createS3Storage, type S3Options } from "./s3-storage.ts";
import type { MediaStorage } from "./storage.ts";

export { createMediaDownloads, type MediaDownloads } from "./inbound-downloads.ts";
export { defaultMediaLimits, type MediaLimits } from "./limits.ts";
export { createMediaService, type MediaService } from "./media-service.ts";
export type { MediaStorage } from "./storage.ts";

/** The store the configuration picks: S3 when its settings are given, files under `dir` otherwise. */
export function createMediaStorage(config: { dir: string; s3?: S3Options | undefined }): MediaStorage {
  return config.s3 ? createS3Storage(config.s3) : createFilesystemStorage(config.dir);
}
