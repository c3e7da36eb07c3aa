// Imported rather than read from disk, so the built bundle carries the version with it.
import packageJson from "../package.json" with { type: "json" };

/** This service's own version, reported by `GET /api/server/version`. */
export const appVersion: string = packageJson.version;
