// bench/client-bundle: the JavaScript a browser downloads before the inbox shows, gzipped, against
// the goal (at most 250 KB). That is the entry script and the modulepreloads TanStack Start puts in
// the page for the route chain __root__ → /_authed → /_authed/inbox (read from the build's start
// manifest), plus every chunk those import statically; dynamic imports (Sentry, lazy dialogs) load
// later and are not counted. The largest modules come from the chunks' source maps: the minified
// bytes each source file contributes.
// Builds the client into a temporary folder with source maps (the app's own dist is left alone);
// CLIENT_BUILD=<folder of an earlier `vite build --sourcemap --outDir <folder>`> weighs that instead.
// Knobs: BENCH_TOP (modules listed, default 15).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";

const goalGzipBytes = 250 * 1024;
const routeChain = ["__root__", "/_authed", "/_authed/inbox"];
const top = Number(process.env.BENCH_TOP ?? "15");
const clientDir = fileURLToPath(new URL("../apps/client/", import.meta.url));

interface RouteEntry {
  preloads?: string[];
  scripts?: { attrs?: { src?: string } }[];
}

function build(): { dir: string; temporary: boolean } {
  if (process.env.CLIENT_BUILD) return { dir: path.resolve(process.env.CLIENT_BUILD), temporary: false };
  const dir = mkdtempSync(path.join(tmpdir(), "client-bundle-"));
  console.log(`client-bundle: building apps/client into ${dir} (vite build --sourcemap)…`);
  execFileSync("pnpm", ["exec", "vite", "build", "--sourcemap", "--outDir", dir, "--logLevel", "warn"], { cwd: clientDir, stdio: "inherit" });
  return { dir, temporary: true };
}

/** The start manifest the server build embeds: each route's preloads and scripts. */
async function readManifest(dir: string): Promise<Record<string, RouteEntry>> {
  const assets = path.join(dir, "server", "assets");
  const file = existsSync(assets) ? readdirSync(assets).find((name) => name.startsWith("_tanstack-start-manifest") && name.endsWith(".js")) : undefined;
  if (!file) throw new Error(`no TanStack Start manifest under ${assets}: is ${dir} a client build?`);
  const module = (await import(pathToFileURL(path.join(assets, file)).href)) as { tsrStartManifest: () => { routes: Record<string, RouteEntry> } };
  return module.tsrStartManifest().routes;
}

/** Chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.js)["']/g)].map((match) => match[1] ?? "");
}

/** The first-load set: the chain's preloads and scripts, closed over static imports. */
function firstLoad(dir: string, routes: Record<string, RouteEntry>): string[] {
  const queue: string[] = [];
  for (const id of routeChain) {
    const route = routes[id];
    if (!route) throw new Error(`the manifest has no route ${id}`);
    queue.push(...(route.preloads ?? []), ...(route.scripts ?? []).map((script) => script.attrs?.src ?? "").filter(Boolean));
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(path.join(dir, "client", url), "utf8");
    for (const imported of staticImports(code)) queue.push(path.posix.join(path.posix.dirname(url), imported));
  }
  return [...seen];
}

/** A source path as a reader knows it: `react-dom`, `@tanstack/router-core`, or `apps/client/src/…`. */
function moduleName(source: string): string {
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]}`;
  const inRepo = /(?:^|\/)((?:apps|packages)\/.*)$/.exec(source);
  return inRepo?.[1] ?? source.replace(/^(\.\.\/)+/, "");
}

const packageOf = (name: string) => (name.startsWith("apps/") || name.startsWith("packages/") ? name.split("/").slice(0, 2).join("/") : (/^((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1] ?? name));

/** Minified bytes per source module, from the chunk's source map (each mapping runs to the next one on its line). */
function moduleBytes(code: string, mapFile: string, into: Map<string, number>) {
  if (!existsSync(mapFile)) return;
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8")));
  const lines = code.split("\n");
  const mappings: { line: number; column: number; source: string | null }[] = [];
  consumer.eachMapping((mapping) => mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source }), null, SourceMapConsumer.GENERATED_ORDER);
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const end = next && next.line === mapping.line ? next.column : (lines[mapping.line - 1]?.length ?? mapping.column);
    const name = mapping.source ? moduleName(mapping.source) : "(generated)";
    into.set(name, (into.get(name) ?? 0) + Math.max(0, end - mapping.column));
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { dir, temporary } = build();
try {
  const files = firstLoad(dir, await readManifest(dir));
  const modules = new Map<string, number>();
  const weighed = files.map((url) => {
    const file = path.join(dir, "client", url);
    // Without the source map comment, as a build without --sourcemap ships it.
    const code = readFileSync(file, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");
    moduleBytes(code, `${file}.map`, modules);
    return { url, raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
  });
  weighed.sort((a, b) => b.gzip - a.gzip);
  const raw = weighed.reduce((sum, file) => sum + file.raw, 0);
  const gzip = weighed.reduce((sum, file) => sum + file.gzip, 0);

  console.log(`client-bundle: JavaScript the inbox route loads first (${routeChain.join(" → ")}), ${weighed.length} files`);
  for (const file of weighed) console.log(`  ${file.url.padEnd(52)} ${kb(file.raw).padStart(9)} raw ${kb(file.gzip).padStart(9)} gzip`);
  const mapped = [...modules.values()].reduce((sum, bytes) => sum + bytes, 0) || 1;
  const byPackage = new Map<string, number>();
  for (const [name, bytes] of modules) byPackage.set(packageOf(name), (byPackage.get(packageOf(name)) ?? 0) + bytes);
  console.log(`  largest packages (minified bytes from source maps, share of the mapped ${kb(mapped)}):`);
  for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${name.padEnd(50)} ${kb(bytes).padStart(9)} ${((bytes / mapped) * 100).toFixed(1).padStart(5)}%`);
  console.log(`  largest modules:`);
  for (const [name, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${name.slice(-70).padEnd(70)} ${kb(bytes).padStart(9)}`);
  console.log(`  total              : ${kb(raw)} raw, ${kb(gzip)} gzip`);
  console.log(`  ratio to the goal  : ${(gzip / goalGzipBytes).toFixed(2)} (${kb(gzip)} / ${kb(goalGzipBytes)} gzip: ${gzip <= goalGzipBytes ? "met" : "MISSED"})`);
  if (gzip > goalGzipBytes) process.exitCode = 1;
} finally {
  if (temporary) rmSync(dir, { recursive: true, force: true });
}
