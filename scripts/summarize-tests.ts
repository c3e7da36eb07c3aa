// Reads the JUnit XML reports of every test runner in this run (vitest, bun test) and prints the
// one closing line CI reads: "N passed, N failed, N skipped". Exits 1 on any failure, or if no
// test ran at all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".reports";
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of readdirSync(dir).filter((name) => name.endsWith(".xml"))) {
  const xml = readFileSync(path.join(dir, file), "utf8");
  // A self-closing <testcase .../> passed; otherwise look inside it for failure/error/skipped.
  for (const match of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[2] ?? "";
    if (/<(failure|error)\b/.test(body)) failed += 1;
    else if (/<skipped\b/.test(body)) skipped += 1;
    else passed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
