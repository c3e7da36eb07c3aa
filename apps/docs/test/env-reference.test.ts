import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot, loadEnvReference, parseEnvExample } from "../lib/env-reference.ts";

const repoRoot = findRepoRoot(fileURLToPath(new URL(".", import.meta.url)));

// Names bundlers define themselves (Vite, Astro, Next): not configuration an operator sets.
const builtIns = new Set(["MODE", "DEV", "PROD", "SSR", "BASE_URL", "SITE", "ASSETS_PREFIX", "NEXT_RUNTIME"]);
const skippedFolders = new Set(["node_modules", "dist", ".next", ".source", ".astro", ".turbo", "paraglide", "test"]);
const sourceFile = /\.(ts|tsx|mts|mjs|js|astro)$/;

/** Every source file an app or package runs (src/, scripts/, top-level configs), tests left out. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) walk(full);
      } else if (sourceFile.test(entry.name) && !/\.test\.|\.d\.ts$/.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const group of ["apps", "packages"]) {
    for (const workspace of readdirSync(path.join(repoRoot, group), { withFileTypes: true })) {
      if (!workspace.isDirectory()) continue;
      const dir = path.join(repoRoot, group, workspace.name);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && (entry.name === "src" || entry.name === "scripts")) walk(path.join(dir, entry.name));
        else if (entry.isFile() && /\.config\.(ts|mts|mjs|js)$/.test(entry.name)) files.push(path.join(dir, entry.name));
      }
    }
  }
  return files;
}

/**
 * The environment variables the code reads: `process.env.X`, `import.meta.env.X`,
 * `process.env["X"]`, and the keys of the zod schemas in each app's env.ts / env-schema.ts.
 */
function variablesReadByTheCode(): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const add = (name: string, file: string) => {
    if (builtIns.has(name)) return;
    readers.set(name, [...(readers.get(name) ?? []), path.relative(repoRoot, file)]);
  };
  for (const file of sourceFiles()) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:process\.env|import\.meta\.env)(?:\.([A-Z][A-Z0-9_]*)|\[["']([A-Z][A-Z0-9_]*)["']\])/g)) {
      add((match[1] ?? match[2]) as string, file);
    }
    if (/^env(-schema)?\.ts$/.test(path.basename(file))) {
      for (const match of text.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) add(match[1] as string, file);
    }
  }
  return readers;
}

describe("docs: the configuration reference", () => {
  const documented = new Set(loadEnvReference().flatMap((section) => section.variables.map((variable) => variable.name)));

  it("finds the variables the apps read (the scan works)", () => {
    const read = variablesReadByTheCode();
    for (const name of ["DATABASE_URL", "SERVER_PORT", "WHATSAPP_ENGINE", "VITE_SERVER_URL", "PUBLIC_SITE_URL"]) {
      expect(read.has(name), name).toBe(true);
    }
  });

  it("lists every variable an app reads in .env.example, and so in the docs' table", () => {
    const missing = [...variablesReadByTheCode()]
      .filter(([name]) => !documented.has(name))
      .map(([name, files]) => `${name} (read in ${[...new Set(files)].join(", ")})`);
    expect(missing, "add these to .env.example with a comment and their default").toEqual([]);
  });

  it("renders the table on the self-hosting page", () => {
    const page = readFileSync(new URL("../content/docs/self-hosting.mdx", import.meta.url), "utf8");
    expect(page).toContain("<EnvTable />");
  });
});

describe("docs: parseEnvExample", () => {
  it("reads sections, defaults and the comment above each variable", () => {
    const sections = parseEnvExample(
      [
        "# The intro, dropped at the blank line.",
        "",
        "# ── Shared ─────────",
        "# Where the data goes.",
        "# Relative to the root.",
        "DATA_DIR=.data",
        "ALSO_DATA=",
        "# Another comment.",
        "OTHER=1",
        "",
        "UNDESCRIBED=",
        "",
        "# ── Landing (apps/landing) ──",
        '# A "quoted" default.',
        'PUBLIC_SITE_URL="http://localhost:4321"',
      ].join("\n"),
    );
    expect(sections).toEqual([
      {
        title: "Shared",
        variables: [
          { name: "DATA_DIR", defaultValue: ".data", description: "Where the data goes. Relative to the root." },
          { name: "ALSO_DATA", defaultValue: "", description: "Where the data goes. Relative to the root." },
          { name: "OTHER", defaultValue: "1", description: "Another comment." },
          { name: "UNDESCRIBED", defaultValue: "", description: "" },
        ],
      },
      {
        title: "Landing (apps/landing)",
        variables: [{ name: "PUBLIC_SITE_URL", defaultValue: "http://localhost:4321", description: 'A "quoted" default.' }],
      },
    ]);
  });

  it("refuses a line it cannot read, rather than dropping a variable", () => {
    expect(() => parseEnvExample("lowercase=1")).toThrow(/cannot read/);
  });
});
