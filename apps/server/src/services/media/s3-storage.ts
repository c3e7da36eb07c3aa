import { AwsClient } from "aws4fetch";
import { type ByteRange, isStorageKey, type MediaStorage } from "./storage.ts";

export interface S3Options {
  /** e.g. https://s3.eu-west-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Default `auto` (R2); AWS needs the bucket's region. */
  region?: string;
}

/**
 * Media in any S3-compatible store (AWS S3, R2, MinIO…), through SigV4-signed requests
 * (aws4fetch) to path-style URLs, which every S3-compatible service accepts.
 */
export function createS3Storage(options: S3Options): MediaStorage {
  const client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region ?? "auto", service: "s3" });
  const bucketUrl = `${options.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}`;

  function urlOf(key: string): string {
    if (!isStorageKey(key)) throw new Error("not a media storage key");
    return `${bucketUrl}/${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  /** Signs the payload's hash too (not `UNSIGNED-PAYLOAD`), so the store refuses altered bytes. */
  async function payloadHash(bytes: Uint8Array): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }
  const emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  async function failed(operation: string, response: Response): Promise<never> {
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    throw new Error(`S3 ${operation} answered ${response.status}: ${detail}`);
  }

  return {
    kind: "s3",
    async put(key, bytes, mimetype) {
      const response = await client.fetch(urlOf(key), { method: "PUT", body: bytes, headers: { "content-type": mimetype, "x-amz-content-sha256": await payloadHash(bytes) } });
      if (!response.ok) await failed("PUT", response);
      await response.body?.cancel();
    },
    async get(key, range?: ByteRange) {
      const headers: Record<string, string> = { "x-amz-content-sha256": emptyHash, ...(range ? { range: `bytes=${range.start}-${range.end}` } : {}) };
      const response = await client.fetch(urlOf(key), { method: "GET", headers });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) await failed("GET", response);
      return response.body;
    },
    async delete(key) {
      const response = await client.fetch(urlOf(key), { method: "DELETE", headers: { "x-amz-content-sha256": emptyHash } });
      if (!response.ok && response.status !== 404) await failed("DELETE", response);
      await response.body?.cancel();
    },
  };
}
