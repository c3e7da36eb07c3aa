import type { Context } from "hono";
import type { IncomingMessage } from "node:http";

/**
 * A request's body as text, or null past `maxBytes`. Under Node it is read straight from the
 * socket's stream: building the web `Request` that `c.req.text()` needs cost more than the rest
 * of an ingest's HTTP work (bench/ingest-throughput). Elsewhere (tests calling `app.fetch`) the
 * web request is read.
 */
export async function readRawBody(c: Context, maxBytes: number): Promise<string | null> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) {
    const text = await c.req.text();
    return Buffer.byteLength(text) > maxBytes ? null : text;
  }
  // Past the limit the rest is read and dropped (not kept), so the sender gets its 413 rather
  // than a connection closed under its upload; Node's request timeout bounds an endless one.
  let tooLarge = Number(incoming.headers["content-length"]) > maxBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    tooLarge ||= size > maxBytes;
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) return null;
  return chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks, size).toString("utf8");
}
