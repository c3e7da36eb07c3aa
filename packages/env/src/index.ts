export { dataDir, repoRoot } from "./paths.ts";
export { loadSecret } from "./secrets.ts";
export { parseEnv, EnvError } from "./parse-env.ts";
export * as envFields from "./fields.ts";
