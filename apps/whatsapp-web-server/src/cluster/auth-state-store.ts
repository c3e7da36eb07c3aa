import { lstat, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SQL } from "bun";
import { unzipSync, zipSync, type Zippable } from "fflate";

/** A zipped auth state past the limit (`WHATSAPP_AUTH_MAX_BYTES`): refused, nothing is stored. */
export class AuthStateTooLargeError extends Error {
  constructor(session: string, bytes: number, maxBytes: number) {
    super(`the auth state of session '${session}' is ${bytes} bytes zipped, more than WHATSAPP_AUTH_MAX_BYTES (${maxBytes}); it was not saved`);
    this.name = "AuthStateTooLargeError";
  }
}

/** Chromium's caches: rebuilt by the browser, so not worth carrying between workers (RemoteAuth skips them too). */
const skippedDirectories = new Set(["Cache", "Code Cache", "GPUCache", "DawnCache", "GrShaderCache", "ShaderCache", "Crashpad"]);

/** The regular files under `dir`, by path relative to it (symbolic links and sockets are left out). */
async function readTree(dir: string, prefix = ""): Promise<Zippable> {
  const files: Zippable = {};
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !skippedDirectories.has(entry.name)) Object.assign(files, await readTree(dir, relative));
    else if (entry.isFile()) files[relative] = new Uint8Array(await readFile(path.join(dir, relative)));
  }
  return files;
}

/**
 * WEBJS auth state that any worker reaches: a session's LocalAuth directory zipped into Postgres
 * (like whatsapp-web.js's RemoteAuth), saved when the session stops or moves and now and then
 * while it works, and unpacked before the engine starts on the worker that claims it.
 */
export class AuthStateStore {
  constructor(
    private readonly sql: SQL,
    private readonly maxBytes: number,
  ) {}

  /**
   * Zips `dir` and stores it; throws `AuthStateTooLargeError` past the limit. A missing dir (a
   * logout removed it) removes the stored state too, so a logged-out session never comes back linked.
   */
  async save(session: string, dir: string): Promise<number> {
    if (!(await lstat(dir).catch(() => null))?.isDirectory()) {
      await this.delete(session);
      return 0;
    }
    const archive = zipSync(await readTree(dir), { level: 6 });
    if (archive.byteLength > this.maxBytes) throw new AuthStateTooLargeError(session, archive.byteLength, this.maxBytes);
    await this.sql`INSERT INTO whatsapp.auth_states (session, archive, saved_at) VALUES (${session}, ${archive}, now())
      ON CONFLICT (session) DO UPDATE SET archive = excluded.archive, saved_at = now()`;
    return archive.byteLength;
  }

  /** Replaces `dir` with the stored state; false (and `dir` untouched) when nothing is stored. */
  async restore(session: string, dir: string): Promise<boolean> {
    const rows = await this.sql<{ archive: Uint8Array }[]>`SELECT archive FROM whatsapp.auth_states WHERE session = ${session}`;
    const archive = rows[0]?.archive;
    if (!archive) return false;
    const files = unzipSync(new Uint8Array(archive));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const root = path.resolve(dir);
    for (const [name, bytes] of Object.entries(files)) {
      const target = path.resolve(root, name);
      // An archive we wrote never escapes its directory; refuse one that would.
      if (!target.startsWith(root + path.sep)) throw new Error(`auth state of '${session}' has an unsafe path: ${name}`);
      if (name.endsWith("/")) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    return true;
  }

  async delete(session: string): Promise<void> {
    await this.sql`DELETE FROM whatsapp.auth_states WHERE session = ${session}`;
  }
}
