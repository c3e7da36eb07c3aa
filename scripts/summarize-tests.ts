// Reads the JUnit XML reports of every test runner in this run (vitest, bun test) and prints the
// one closing line CI reads: "N passed, N failed, N skipped", after the names of the failed tests
// (so a CI log's tail says which one broke). Exits 1 on any failure, or if no test ran at all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".reports";
let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";

for (const file of readdirSync(dir).filter((name) => name.endsWith(".xml"))) {
  const xml = readFileSync(path.join(dir, file), "utf8");
  // A self-closing <testcase .../> passed; otherwise look inside it for failure/error/skipped.
  for (const match of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[2] ?? "";
    if (/<(failure|error)\b/.test(body)) {
      failed += 1;
      failures.push(`${file}: ${attribute(match[0], "classname")} > ${attribute(match[0], "name")}`);
    }
    else if (/<skipped\b/.test(body)) skipped += 1;
    else passed += 1;
  }
}

if (failures.length > 0) console.log(`Failed:\n${failures.map((line) => `  ✗ ${line}`).join("\n")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
