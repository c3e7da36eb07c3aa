import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** One variable of `.env.example`: its name, default (empty when unset) and the comment above it. */
export interface EnvVariable {
  name: string;
  defaultValue: string;
  description: string;
}

/** A `# ── Title ──` section of `.env.example` and the variables under it. */
export interface EnvSection {
  title: string;
  variables: EnvVariable[];
}

const sectionHeading = /^#\s*─+\s*(.+?)\s*─*$/;
const assignment = /^([A-Z][A-Z0-9_]*)=(.*)$/;

/**
 * Parses `.env.example`: a comment describes the variables right below it (one comment may cover
 * a run of related variables), `# ── Title ──` lines start a section, and a blank line ends a
 * comment's reach (so the file's intro describes nothing).
 */
export function parseEnvExample(text: string): EnvSection[] {
  const sections: EnvSection[] = [];
  let comment: string[] = [];
  let afterVariable = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const heading = sectionHeading.exec(line);
    if (heading?.[1]) {
      sections.push({ title: heading[1], variables: [] });
      comment = [];
    } else if (line.startsWith("#")) {
      if (afterVariable) comment = [];
      comment.push(line.replace(/^#\s?/, ""));
      afterVariable = false;
    } else if (line === "") {
      comment = [];
      afterVariable = false;
    } else {
      const match = assignment.exec(line);
      if (!match?.[1]) throw new Error(`.env.example: cannot read the line "${line}"`);
      if (sections.length === 0) sections.push({ title: "General", variables: [] });
      sections.at(-1)?.variables.push({
        name: match[1],
        defaultValue: (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2"),
        description: comment.join(" "),
      });
      afterVariable = true;
    }
  }
  return sections.filter((section) => section.variables.length > 0);
}

/** The repository's root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  // The docs pages are prerendered, so these reads happen at build time only: the ignore comments
  // keep Next's file tracing from copying the whole repository into the server output.
  let dir = path.resolve(/*turbopackIgnore: true*/ from);
  while (!existsSync(/*turbopackIgnore: true*/ path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The repository's `.env.example`, parsed; read at build time, so the docs never copy it by hand. */
export function loadEnvReference(file: string = path.join(findRepoRoot(), ".env.example")): EnvSection[] {
  return parseEnvExample(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
}
