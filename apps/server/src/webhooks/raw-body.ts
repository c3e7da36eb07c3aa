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
  // Stream events rather than `for await`: the async iterator costs a few promises per chunk.
  if (incoming.readableEnded) return "";
  return new Promise((resolve, reject) => {
    let tooLarge = Number(incoming.headers["content-length"]) > maxBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      tooLarge ||= size > maxBytes;
      if (!tooLarge) chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (tooLarge) resolve(null);
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks, size).toString("utf8"));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A request closed before its end (the client went away) fails like an aborted read.
    const onClose = () => {
      if (!incoming.complete) onError(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    };
    const cleanup = () => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    incoming.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
  });
}
