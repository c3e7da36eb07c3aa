import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";

/** A local stand-in for Sentry's ingest: collects the events of every envelope posted to it. */
export async function startEnvelopeReceiver() {
  const events: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = (request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
      raw.push(text);
      // An envelope: a header line, then item header / item payload line pairs.
      const lines = text.split("\n").filter(Boolean);
      for (let index = 1; index + 1 < lines.length; index += 2) {
        const header = JSON.parse(lines[index] ?? "{}") as { type?: string };
        if (header.type === "event") events.push(JSON.parse(lines[index + 1] ?? "{}") as Record<string, unknown>);
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://publickey@127.0.0.1:${port}/1`,
    events,
    raw,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
