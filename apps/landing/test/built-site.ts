import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The landing site's build output. */
export const distDir = fileURLToPath(new URL("../dist/", import.meta.url));

/** Fails with the command to run when the site has not been built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(distDir, "index.html"))) {
    throw new Error("apps/landing/dist is missing: run `pnpm --filter landing build` first.");
  }
}

/** Every HTML file of the build, as a site path (`/pt-br/index.html`) with its contents. */
export function builtPages(): { file: string; html: string }[] {
  const pages: { file: string; html: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) pages.push({ file: `/${path.relative(distDir, full)}`, html: readFileSync(full, "utf8") });
    }
  };
  walk(distDir);
  return pages;
}

/** Whether a site path (`/`, `/es/self-hosting/`, `/og-image.png`) is a file of the build. */
export function existsInBuild(pathname: string): boolean {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, "");
  const candidates = [relative, path.join(relative, "index.html"), `${relative.replace(/\/$/, "")}.html`];
  return candidates.some((candidate) => {
    const full = path.join(distDir, candidate);
    return full.startsWith(distDir) && existsSync(full) && !full.endsWith("/");
  });
}

/** Values of an attribute across a page (`href`, `src`, `content`, …). */
export function attributeValues(html: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));
}
