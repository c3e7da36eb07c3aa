// Validation only: no filesystem access on import, so bundled apps (Next.js, Vite) can use it.
export { parseEnv, EnvError } from "./parse-env.ts";
export * as envFields from "./fields.ts";
