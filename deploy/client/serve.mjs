// Serves the client's production build (TanStack Start) in its container: files from
// dist/client as they are, every other request through the SSR handler in dist/server/server.js
// (a Web `fetch` handler). Node built-ins only, so the image needs no dev server (`vite preview`).
// Usage: node serve.mjs [--dist dist] [--port 3000] [--host 0.0.0.0]
import { createReadStream, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: { dist: { type: "string", default: "dist" }, port: { type: "string", default: "3000" }, host: { type: "string", default: "0.0.0.0" } },
});
const port = Number(options.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`--port must be a port number (1-65535), got "${options.port}"`);
  process.exit(1);
}
const host = options.host;
const distDir = path.resolve(options.dist);
const publicDir = path.join(distDir, "client");
// The security headers the client's build wrote (apps/client/security-headers-plugin.ts).
const securityHeaders = JSON.parse(readFileSync(path.join(distDir, "security-headers.json"), "utf8"));
const cameOverTls = (request) => request.socket.encrypted === true || String(request.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() === "https";
const { default: ssr } = await import(pathToFileURL(path.join(distDir, "server", "server.js")).href);

const contentTypes = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The file under dist/client a GET names, or null (normalising first, so `..` cannot leave it). */
async function findStaticFile(pathname) {
  const file = path.join(publicDir, path.normalize(decodeURIComponent(pathname)));
  if (!file.startsWith(publicDir + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? { file, size: info.size } : null;
}

function sendStaticFile(request, response, pathname, found) {
  response.writeHead(200, {
    "content-type": contentTypes[path.extname(found.file)] ?? "application/octet-stream",
    "content-length": found.size,
    // Vite fingerprints everything under /assets/; other files may change between builds.
    "cache-control": pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    "x-content-type-options": "nosniff",
  });
  if (request.method === "HEAD") response.end();
  else createReadStream(found.file).pipe(response);
}

/** Hands the request to the SSR handler as a Web Request and streams its Response back. */
async function renderWithSsr(request, response, url) {
  const aborted = new AbortController();
  response.on("close", () => aborted.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const answer = await ssr.fetch(
    new Request(url, { method: request.method, headers, body: hasBody ? Readable.toWeb(request) : undefined, duplex: "half", signal: aborted.signal }),
  );
  const outgoing = [];
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") outgoing.push([name, value]);
  });
  for (const cookie of answer.headers.getSetCookie()) outgoing.push(["set-cookie", cookie]);
  response.writeHead(answer.status, outgoing);
  if (answer.body && request.method !== "HEAD") Readable.fromWeb(answer.body).pipe(response);
  else response.end();
}

const server = createServer(async (request, response) => {
  try {
    for (const { key, value } of securityHeaders.always) response.setHeader(key, value);
    if (cameOverTls(request)) for (const { key, value } of securityHeaders.overTls) response.setHeader(key, value);
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    const found = request.method === "GET" || request.method === "HEAD" ? await findStaticFile(url.pathname) : null;
    if (found) sendStaticFile(request, response, url.pathname, found);
    else await renderWithSsr(request, response, url);
  } catch (error) {
    console.error(`[client] ${request.method} ${request.url}:`, error);
    if (!response.headersSent) response.writeHead(error instanceof URIError ? 400 : 500);
    response.end();
  }
});

server.listen(port, host, () => console.log(`client listening on http://${host}:${port}`));
// The container stops with SIGTERM: finish the requests in flight, then exit.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
