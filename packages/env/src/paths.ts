import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Resolved through the package system rather than this file's URL, so that it still holds when an
// app bundles this code into its own dist/.
const packageJson = createRequire(import.meta.url).resolve("@nexis/env/package.json");

/** The repository's root folder (this package lives at packages/env). */
export const repoRoot = path.resolve(path.dirname(packageJson), "../..");

/**
 * The folder for local state (embedded database, generated secrets, dev mailbox): `DATA_DIR`
 * when given, otherwise `.data/` at the repository root. Created on first use.
 */
export function dataDir(fromEnv?: string): string {
  const dir = path.resolve(repoRoot, fromEnv || ".data");
  mkdirSync(dir, { recursive: true });
  return dir;
}
