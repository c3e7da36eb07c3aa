import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Returns a secret for development: the value from the environment when set, otherwise the one
 * stored in `<dir>/secrets/<name>`, generated on first use. Apps that must agree on a secret (the
 * API key between the API server and the WhatsApp service) read the same file. The value is written
 * to a temporary file and hard-linked into place, so two apps starting at once agree on one value.
 */
export function loadSecret(name: string, dir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  if (!/^[A-Z0-9_]+$/.test(name)) throw new Error(`Invalid secret name: ${name}`);
  const file = path.join(dir, "secrets", name);
  const existing = readIfPresent(file);
  if (existing) return existing;

  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return readFileSync(file, "utf8").trim();
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}
