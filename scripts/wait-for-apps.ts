// Polls every app until it answers 2xx, printing each as it comes up, then the table of URLs.
// Exits 1 with the names of the apps that did not answer within the time limit.
import { apps } from "./apps.ts";

const timeoutMs = Number(process.argv[2] ?? 300) * 1000;
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: "follow" });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function waitFor(app: (typeof apps)[number]): Promise<boolean> {
  while (Date.now() - started < timeoutMs) {
    if (await answers(app.probe)) {
      console.log(`  \u2713 ${app.label.padEnd(24)} ${seconds()} s`);
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

console.log("Waiting for the apps to answer…");
const results = await Promise.all(apps.map(waitFor));
const missing = apps.filter((_, index) => !results[index]);
if (missing.length > 0) {
  console.error(`\nNot answering after ${seconds()} s: ${missing.map((app) => app.name).join(", ")}. See the logs above.`);
  process.exit(1);
}
console.log(`\nNexisChat is up (${seconds()} s):`);
for (const app of apps) console.log(`  ${app.label.padEnd(24)} ${app.url}`);
console.log("\nREADY — press Ctrl-C to stop everything.");
