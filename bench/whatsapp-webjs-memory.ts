// bench/whatsapp-webjs-memory: the memory one WEBJS session's Chromium costs, against the service
// process's own. Runs the real service (`bun src/index.ts`, WHATSAPP_ENGINE=WEBJS) and starts one
// session ROUNDS times (default 3). With no internet here, WhatsApp Web never loads: each start
// launches Chromium, which shows its network-error page until the session goes FAILED (about a
// second) and the browser is closed. Meanwhile this samples, every 50 ms, the browser's process
// tree (the service's child processes, from /proc): RSS summed over the tree (counts shared pages
// once per process, so it overstates) and PSS (shared pages split between processes). Prints the
// peak per round, the median over rounds, the service's RSS as the baseline and their ratio, and
// checks that no Chromium process is left once the session has FAILED.
import { processTree, proportionalBytes, residentBytes } from "../apps/whatsapp-web-server/src/engines/webjs/chromium-processes.ts";
import { startWhatsAppService } from "./support/whatsapp-service.ts";

const rounds = Number(process.env.ROUNDS ?? 3);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

type Sample = { processes: number; rss: number; pss: number; serviceRss: number };

const service = await startWhatsAppService({ WHATSAPP_ENGINE: "WEBJS", LOG_LEVEL: "error" });
const browserTree = () => processTree(service.pid).filter((pid) => pid !== service.pid);
const sample = (): Sample => {
  const tree = browserTree();
  return {
    processes: tree.length,
    rss: tree.reduce((sum, pid) => sum + residentBytes(pid), 0),
    pss: tree.reduce((sum, pid) => sum + proportionalBytes(pid), 0),
    serviceRss: residentBytes(service.pid),
  };
};
const status = async () => (await service.api<{ status: string }>("GET", "/api/sessions/bench")).status;

const idleServiceRss = residentBytes(service.pid);
const peaks: Sample[] = [];
let leftBehind = 0;
try {
  await service.api("POST", "/api/sessions", { name: "bench", start: false, config: { engine: "WEBJS" } });
  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    await service.api("POST", "/api/sessions/bench/start");
    let peak = sample();
    while ((await status()) === "STARTING") {
      const now = sample();
      if (now.rss > peak.rss) peak = now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failedAfter = Date.now() - started;
    leftBehind += browserTree().length;
    peaks.push(peak);
    console.log(`  round ${round + 1}: ${peak.processes} processes, RSS ${mb(peak.rss)} MB, PSS ${mb(peak.pss)} MB at peak; FAILED after ${failedAfter} ms`);
  }
} finally {
  await service.stop();
}

const treeRss = median(peaks.map((peak) => peak.rss));
const treePss = median(peaks.map((peak) => peak.pss));
const serviceRss = median(peaks.map((peak) => peak.serviceRss));
console.log(`whatsapp-webjs-memory, ${rounds} rounds, one WEBJS session (Chromium on its network-error page, no internet)`);
console.log(`  service process RSS, no session   : ${mb(idleServiceRss)} MB`);
console.log(`  service process RSS, session up   : ${mb(serviceRss)} MB (baseline)`);
console.log(`  browser tree RSS (sum), median peak: ${mb(treeRss)} MB, ratio ${(treeRss / serviceRss).toFixed(2)} x the service`);
console.log(`  browser tree PSS, median peak      : ${mb(treePss)} MB, ratio ${(treePss / serviceRss).toFixed(2)} x the service`);
console.log(`  Chromium processes left after FAILED: ${leftBehind}`);
if (leftBehind > 0) process.exitCode = 1;
