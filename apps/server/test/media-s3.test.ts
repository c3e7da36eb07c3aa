import { createHash, createHmac } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { schema } from "@nexis/db";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMediaLimits } from "../src/services/media/limits.ts";
import { createMediaService } from "../src/services/media/media-service.ts";
import { createS3Storage, type S3Options } from "../src/services/media/s3-storage.ts";
import { storageKeyFor } from "../src/services/media/storage.ts";

// A local S3-compatible server (s3rver). It checks the access key but not SigV4 signatures, so
// the test checks each signed request itself (`verifySigV4`, written from AWS's documentation).
let s3: S3rver;
let dir: string;
let options: S3Options;
let database: TestDatabase;

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Recomputes a request's AWS Signature V4 with the secret and compares it with the one sent. */
function verifySigV4(request: { method: string; url: string; headers: Headers }, body: Uint8Array, secret: string) {
  const authorization = request.headers.get("authorization") ?? "";
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) throw new Error(`not a SigV4 authorization: ${authorization}`);
  const [, , date = "", region = "", signedHeaders = "", signature] = match;
  const url = new URL(request.url);
  const payloadHash = request.headers.get("x-amz-content-sha256") ?? "";
  expect(payloadHash).toBe(sha256(body));
  const headerValue = (name: string) => (name === "host" ? url.host : (request.headers.get(name) ?? "").trim());
  const canonicalHeaders = signedHeaders.split(";").map((name) => `${name}:${headerValue(name)}\n`).join("");
  const canonicalRequest = [request.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const amzDate = request.headers.get("x-amz-date") ?? "";
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, `${date}/${region}/s3/aws4_request`, sha256(canonicalRequest)].join("\n");
  const signingKey = ["aws4_request"].reduce((key, part) => hmac(key, part), hmac(hmac(hmac(`AWS4${secret}`, date), region), "s3"));
  return createHmac("sha256", signingKey).update(stringToSign).digest("hex") === signature;
}

const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? Buffer.from(await new Response(stream).arrayBuffer()).toString() : null);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nexis-s3-"));
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "nexis-media", configs: [] }] });
  const { port } = await s3.run();
  options = { endpoint: `http://127.0.0.1:${port}`, bucket: "nexis-media", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1" };
  database = await createTestDatabase(process.env.DATABASE_URL);
}, 30_000);

afterAll(async () => {
  await s3?.close();
  await database?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("S3-compatible media storage (s3rver)", () => {
  const key = storageKeyFor("workspace-1", crypto.randomUUID());

  it("puts, reads whole and in ranges, and deletes objects with signed requests", async () => {
    const storage = createS3Storage(options);
    await storage.put(key, Buffer.from("hello media world"), "text/plain");
    expect(await text(await storage.get(key))).toBe("hello media world");
    expect(await text(await storage.get(key, { start: 6, end: 10 }))).toBe("media");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("signs every request with SigV4 for the bucket's region and the payload's hash", async () => {
    const seen: { method: string; url: string; headers: Headers }[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
      // aws4fetch hands over a signed Request; read it without consuming its body.
      if (input instanceof Request) seen.push({ method: input.method, url: input.url, headers: new Headers(input.headers) });
      return original(input, init);
    }) as typeof fetch;
    try {
      const storage = createS3Storage(options);
      const body = Buffer.from("signed bytes");
      await storage.put(key, body, "text/plain");
      await storage.get(key);
      await storage.delete(key);
      expect(seen.map((request) => request.method)).toEqual(["PUT", "GET", "DELETE"]);
      expect(seen[0]?.url).toBe(`${options.endpoint}/nexis-media/${key}`);
      const [put, get] = seen;
      if (!put || !get) throw new Error("the requests were not seen");
      expect(verifySigV4(put, body, "S3RVER")).toBe(true);
      expect(verifySigV4(get, new Uint8Array(), "S3RVER")).toBe(true);
      expect(verifySigV4(put, body, "another secret")).toBe(false);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("fails loudly on refused credentials, and refuses keys it did not make", async () => {
    const stranger = createS3Storage({ ...options, accessKeyId: "NOT-A-KEY" });
    await expect(stranger.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/S3 PUT answered 403/);
    const storage = createS3Storage(options);
    await expect(storage.put("../../etc/passwd", Buffer.from("x"), "text/plain")).rejects.toThrow(/not a media storage key/);
    await expect(storage.get("workspace-1/../other")).rejects.toThrow(/not a media storage key/);
  });

  it("backs the media service: a saved file lands in the bucket under <workspace>/<id> and reads back", async () => {
    // A workspace row for the media row's foreign key.
    const [organization] = await database.db
      .insert(schema.organization)
      .values({ id: crypto.randomUUID(), name: "S3 test", slug: `s3-${Date.now()}`, createdAt: new Date() })
      .returning({ id: schema.organization.id });
    const workspaceId = organization?.id ?? "";
    const media = createMediaService({ db: database.db, storage: createS3Storage(options), limits: defaultMediaLimits });
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const stored = await media.save({ workspaceId, bytes: pdf, mimetype: "application/pdf", filename: "../../invoice.pdf", source: "upload" });
    expect(stored).toMatchObject({ workspaceId, mimetype: "application/pdf", filename: "invoice.pdf", size: pdf.byteLength, storageKey: `${workspaceId}/${stored.id}` });
    expect(stored.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(await text(await media.read(stored))).toBe(pdf.toString());
    // The object is in the bucket's folder on disk, under the workspace's prefix.
    expect(await readdir(path.join(dir, "nexis-media", workspaceId))).toEqual(expect.arrayContaining([expect.stringContaining(stored.id)]));
  });
});
