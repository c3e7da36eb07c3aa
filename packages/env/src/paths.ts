import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder (this file lives at packages/env/src/paths.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The folder for local state (embedded database, generated secrets, dev mailbox): `DATA_DIR`
 * when given, otherwise `.data/` at the repository root. Created on first use.
 */
export function dataDir(fromEnv?: string): string {
  const dir = path.resolve(repoRoot, fromEnv ?? ".data");
  mkdirSync(dir, { recursive: true });
  return dir;
}
