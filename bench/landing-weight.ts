// bench/landing-weight: the bytes a browser downloads for the built landing home page (its HTML and
// every stylesheet, script, font and image it references, following url() in CSS), raw and gzipped,
// and its JavaScript, against the goal (under 200 KB gzipped, no JavaScript but islands). The baseline
// is the bare 404 page of the same build, weighed the same way in this run.
// Images count as a browser downloads them: of a <picture> or a srcset, only the candidate a 1280 px
// wide window on a light-mode system that takes AVIF would pick, not every one the build offers.
// Run after `pnpm --filter landing build`. Knobs: LANDING_DIST (default apps/landing/dist), LANDING_DPR
// (the window's device pixel ratio, default 1).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const distDir = process.env.LANDING_DIST ?? fileURLToPath(new URL("../apps/landing/dist/", import.meta.url));
const goalGzipBytes = 200 * 1024;

/** The browser whose downloads are weighed. */
const viewer = {
  width: 1280,
  devicePixelRatio: Number(process.env.LANDING_DPR ?? "1"),
  colorScheme: "light",
  imageTypes: new Set(["image/avif", "image/webp", "image/png", "image/jpeg", "image/gif", "image/svg+xml"]),
};
const rootFontPx = 16;

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

const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** A `sizes` or media query length in CSS pixels at the viewer's width; refuses what it cannot evaluate. */
function lengthInPx(length: string): number {
  const match = /^(\d+(?:\.\d+)?)(px|rem|em|vw)$/.exec(length.trim());
  if (!match) throw new Error(`landing-weight cannot evaluate the length "${length}"`);
  const value = Number(match[1]);
  if (match[2] === "vw") return (value * viewer.width) / 100;
  return match[2] === "px" ? value : value * rootFontPx;
}

/** Whether a media query (width and prefers-color-scheme features joined by `and`) matches the viewer. */
function matchesMedia(media: string | undefined): boolean {
  if (!media) return true;
  return media.split(/\s+and\s+/).every((feature) => {
    const match = /^\(\s*(max-width|min-width|prefers-color-scheme)\s*:\s*([^)]+?)\s*\)$/.exec(feature.trim());
    if (!match) throw new Error(`landing-weight cannot evaluate the media query "${media}"`);
    const [, name, value = ""] = match;
    if (name === "prefers-color-scheme") return value === viewer.colorScheme;
    return name === "max-width" ? viewer.width <= lengthInPx(value) : viewer.width >= lengthInPx(value);
  });
}

/** The image slot's width from `sizes`: the first entry whose condition matches (100vw without one). */
function slotWidth(sizes: string | undefined): number {
  for (const entry of (sizes ?? "").split(",").map((item) => item.trim()).filter(Boolean)) {
    const conditional = /^(.*\))\s+(\S+)$/.exec(entry);
    if (!conditional) return lengthInPx(entry);
    if (matchesMedia(conditional[1])) return lengthInPx(conditional[2] ?? "");
  }
  return viewer.width;
}

/** The URL an <img> or <source> makes the viewer fetch: the least dense srcset candidate that covers its pixel ratio. */
function pickedUrl(tag: string): string {
  const srcset = attributeOf(tag, "srcset");
  if (!srcset) return attributeOf(tag, "src") ?? "";
  const slot = slotWidth(attributeOf(tag, "sizes"));
  const candidates = srcset
    .split(",")
    .map((candidate) => {
      const [url = "", descriptor = "1x"] = candidate.trim().split(/\s+/);
      const value = Number.parseFloat(descriptor);
      return { url, density: descriptor.endsWith("w") ? value / slot : value };
    })
    .sort((a, b) => a.density - b.density);
  const picked = candidates.find((candidate) => candidate.density >= viewer.devicePixelRatio) ?? candidates.at(-1);
  return picked?.url ?? "";
}

/**
 * The images the viewer fetches: per <picture>, the first <source> whose media and type it takes, else
 * the <img>. A picture marked `data-theme-override` shows only when a visitor's stored theme goes
 * against the system's and loads lazily, so a first visit never fetches it.
 */
function imagesInHtml(html: string): string[] {
  const found: string[] = [];
  const outsidePictures = html.replace(/<picture\b([^>]*)>([\s\S]*?)<\/picture>/g, (_picture, attributes: string, body: string) => {
    if (attributes.includes("data-theme-override=")) return "";
    const sources = [...body.matchAll(/<source\b[^>]*>/g)].map(([tag]) => tag);
    const source = sources.find((tag) => {
      const type = attributeOf(tag, "type");
      return (type === undefined || viewer.imageTypes.has(type)) && matchesMedia(attributeOf(tag, "media"));
    });
    const image = source ?? /<img\b[^>]*>/.exec(body)?.[0];
    if (image) found.push(pickedUrl(image));
    return "";
  });
  for (const [tag] of outsidePictures.matchAll(/<img\b[^>]*>/g)) found.push(pickedUrl(tag));
  return found.filter(Boolean);
}

/** What the page makes the browser fetch: stylesheets, scripts, preloads, icons and images (not og:image, canonical or hreflang). */
function referencesInHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(link|script)\b[^>]*>/g)) {
    const rel = attributeOf(tag, "rel") ?? "";
    if (tag.startsWith("<link") && !/\b(stylesheet|icon|preload|modulepreload|manifest)\b/.test(rel)) continue;
    const value = attributeOf(tag, "href") ?? attributeOf(tag, "src");
    if (value) found.push(value);
  }
  return [...found, ...imagesInHtml(html)];
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

console.log(`landing-weight: the built home page (${distDir}), images as a ${viewer.width} px window at ${viewer.devicePixelRatio}x in ${viewer.colorScheme} mode fetches them`);
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
