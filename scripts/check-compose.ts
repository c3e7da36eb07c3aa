// The structural check of docker-compose.yml, for machines without `docker compose` (see
// scripts/check-compose.sh). Usage: node scripts/check-compose.ts [compose file]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateComposeFile } from "./compose/validate-compose.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.resolve(root, process.argv[2] ?? "docker-compose.yml");
const { services, problems } = validateComposeFile({ file, requireHealthchecks: true });

if (problems.length > 0) {
  console.error(`${path.relative(root, file)}: ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`${path.relative(root, file)}: ${services.length} services (${services.join(", ")}); structure, files, dependencies, health checks, ports and variables OK`);
