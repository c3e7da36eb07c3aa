import { createRequire } from "node:module";

/** The server's version, from its package.json (resolved so that it also works from dist/). */
export const serverVersion: string = (createRequire(import.meta.url)("server/package.json") as { version: string }).version;
