// bench/landing-weight: the bytes a browser downloads for the built landing home page (its HTML and
// every stylesheet, script, font and image it references, following url() in CSS), raw and gzipped,
// and its JavaScript, against the goal (under 200 KB gzipped, no JavaScript but islands). The baseline
// is the bare 404 page of the same build, weighed the same way in this run.
// Run after `pnpm --filter landing build`. Knob: LANDING_DIST (default apps/landing/dist).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const distDir = process.env.LANDING_DIST ?? fileURLToPath(new URL("../apps/landing/dist/", import.meta.url));
const goalGzipBytes = 200 * 1024;

type Kind = "html" | "css" | "js" | "font" | "image" | "other";

interface Asset {
  url: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

const kindOf = (file: string): Kind => {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".css") return "css";
  if ([".js", ".mjs"].includes(extension)) return "js";
  if ([".woff", ".woff2", ".ttf", ".otf"].includes(extension)) return "font";
  if ([".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg", ".ico"].includes(extension)) return "image";
  return "other";
};

const sizes = (bytes: Buffer) => ({ raw: bytes.length, gzip: gzipSync(bytes).length });

/** A site path as a file of the build (`/` → index.html). */
function fileFor(pathname: string): string {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, "");
  const file = path.join(distDir, relative);
  return relative === "" || relative.endsWith("/") ? path.join(file, "index.html") : file;
}

/** What the page makes the browser fetch: stylesheets, scripts, preloads, images and icons (not og:image, canonical or hreflang). */
function referencesInHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(link|script|img|source)\b[^>]*>/g)) {
    const rel = /\srel="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (tag.startsWith("<link") && !/\b(stylesheet|icon|preload|modulepreload|manifest)\b/.test(rel)) continue;
    for (const attribute of ["href", "src"]) {
      const value = new RegExp(`\\s${attribute}="([^"]+)"`).exec(tag)?.[1];
      if (value) found.push(value);
    }
    const srcset = /\ssrcset="([^"]+)"/.exec(tag)?.[1];
    if (srcset) found.push(...srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
  }
  return found;
}

const referencesInCss = (css: string) => [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => match[1] ?? "");

/** Weighs a page and everything it pulls in; each asset once, external origins refused (no CDN). */
function weigh(pagePath: string): { assets: Asset[]; inlineScriptBytes: number; external: string[] } {
  const htmlFile = fileFor(pagePath);
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run \`pnpm --filter landing build\` first.`);
  const html = readFileSync(htmlFile);
  const assets: Asset[] = [{ url: pagePath, kind: "html", ...sizes(html) }];
  const external: string[] = [];
  const seen = new Set<string>();
  const queue = referencesInHtml(html.toString()).map((reference) => new URL(reference, `http://site${pagePath}`));
  while (queue.length > 0) {
    const url = queue.shift() as URL;
    if (url.protocol === "data:") continue;
    if (url.origin !== "http://site") {
      external.push(url.href);
      continue;
    }
    if (seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const file = fileFor(url.pathname);
    if (!existsSync(file)) throw new Error(`${pagePath} references ${url.pathname}, which the build does not have`);
    const bytes = readFileSync(file);
    const kind = kindOf(file);
    assets.push({ url: url.pathname, kind, ...sizes(bytes) });
    if (kind === "css") queue.push(...referencesInCss(bytes.toString()).map((reference) => new URL(reference, url)));
  }
  const inlineScriptBytes = [...html.toString().matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, match) => sum + Buffer.byteLength(match[1] ?? ""),
    0,
  );
  return { assets, inlineScriptBytes, external };
}

const total = (assets: Asset[], key: "raw" | "gzip") => assets.reduce((sum, asset) => sum + asset[key], 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const home = weigh("/");
const baseline = weigh("/404.html");

console.log(`landing-weight: the built home page (${distDir})`);
for (const asset of home.assets) console.log(`  ${asset.kind.padEnd(5)} ${asset.url.padEnd(44)} ${kb(asset.raw).padStart(9)} raw ${kb(asset.gzip).padStart(9)} gzip`);
const byKind = (kind: Kind) => home.assets.filter((asset) => asset.kind === kind);
for (const kind of ["html", "css", "js", "font", "image"] as const) {
  console.log(`  total ${kind.padEnd(5)}: ${kb(total(byKind(kind), "raw")).padStart(9)} raw ${kb(total(byKind(kind), "gzip")).padStart(9)} gzip`);
}
const homeGzip = total(home.assets, "gzip");
const baselineGzip = total(baseline.assets, "gzip");
const jsFiles = byKind("js");
console.log(`  home page          : ${kb(total(home.assets, "raw"))} raw, ${kb(homeGzip)} gzip (goal < ${kb(goalGzipBytes)} gzip: ${homeGzip < goalGzipBytes ? "met" : "MISSED"})`);
console.log(
  `  JavaScript         : ${jsFiles.length} files, ${kb(total(jsFiles, "gzip"))} gzip; inline scripts ${kb(home.inlineScriptBytes)} raw (goal: no JavaScript but islands: ${jsFiles.length === 0 ? "met" : "check the files above"})`,
);
console.log(`  baseline 404 page  : ${kb(total(baseline.assets, "raw"))} raw, ${kb(baselineGzip)} gzip`);
console.log(`  ratio home/404     : ${(homeGzip / baselineGzip).toFixed(2)} (gzip bytes)`);
if (home.external.length > 0) console.log(`  WARNING: the home page loads from other origins: ${home.external.join(", ")}`);
