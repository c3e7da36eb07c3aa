// Polls every app until it answers 2xx, printing each as it comes up, then the table of URLs.
// Exits 1 with the names of the apps that did not answer within the time limit, and why.
import { apps } from "./apps.ts";

const timeoutMs = Number(process.argv[2] ?? 300) * 1000;
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const lastProblem = new Map<string, string>();

async function answers(app: (typeof apps)[number]): Promise<boolean> {
  try {
    const response = await fetch(app.probe, { signal: AbortSignal.timeout(20_000), redirect: "follow" });
    await response.arrayBuffer();
    if (!response.ok) lastProblem.set(app.name, `HTTP ${response.status}`);
    return response.ok;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    lastProblem.set(app.name, cause ?? (error instanceof Error ? error.message : String(error)));
    return false;
  }
}

async function waitFor(app: (typeof apps)[number]): Promise<boolean> {
  let nextReport = 30_000;
  while (Date.now() - started < timeoutMs) {
    if (await answers(app)) {
      console.log(`  \u2713 ${app.label.padEnd(24)} ${seconds()} s`);
      return true;
    }
    if (Date.now() - started > nextReport) {
      console.log(`  … still waiting for ${app.name} at ${app.probe} (${lastProblem.get(app.name)})`);
      nextReport += 30_000;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

console.log("Waiting for the apps to answer…");
const results = await Promise.all(apps.map(waitFor));
const missing = apps.filter((_, index) => !results[index]);
if (missing.length > 0) {
  const reasons = missing.map((app) => `${app.name} (${lastProblem.get(app.name) ?? "no answer"})`).join(", ");
  console.error(`\nNot answering after ${seconds()} s: ${reasons}. See the logs above.`);
  process.exit(1);
}
console.log(`\nNexisChat is up (${seconds()} s):`);
for (const app of apps) console.log(`  ${app.label.padEnd(24)} ${app.url}`);
console.log("\nREADY — press Ctrl-C to stop everything.");
