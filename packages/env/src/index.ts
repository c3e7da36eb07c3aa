export { dataDir, repoRoot } from "./paths.ts";
export { loadSecret } from "./secrets.ts";
export { parseEnv, EnvError, envFields } from "./schema.ts";
