// bench/whatsapp-sandbox-memory: resident memory (RSS) of the WhatsApp service with 1, 100 and 1,000
// linked SANDBOX sessions, against the same service with none (the baseline, measured first in the
// same run). The service runs as its own process (`bun src/index.ts`) on a free port with a temporary
// data dir; each session is created, then linked by the simulated phone (`/api/sandbox/{s}/scan`).
// Goal: 1,000 sessions under 500 MB. Knobs: BENCH_SESSIONS (comma list, default 1,100,1000).
import { inParallel, startWhatsAppService } from "./support/whatsapp-service.ts";

const steps = (process.env.BENCH_SESSIONS ?? "1,100,1000").split(",").map(Number);
const settleMs = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Scaled timings (0.1): sessions start in 50 ms and keep a QR for 12 s, plenty to scan them.
const service = await startWhatsAppService({ WHATSAPP_SANDBOX_TIME_SCALE: "0.1" });

/** Creates and links sessions `from`..`to - 1`; the scan is retried until the QR is up. */
async function link(from: number, to: number) {
  const names = Array.from({ length: to - from }, (_, index) => `bench-${from + index}`);
  await inParallel(names, 25, async (name) => {
    await service.api("POST", "/api/sessions", { name });
    for (;;) {
      try {
        await service.api("POST", `/api/sandbox/${name}/scan`);
        return;
      } catch {
        await sleep(20);
      }
    }
  });
}

try {
  await sleep(settleMs);
  const baseline = service.rssMb();
  console.log(`whatsapp-sandbox-memory: service RSS, SANDBOX engine, pid ${service.pid}`);
  console.log(`  empty service (baseline): ${baseline.toFixed(1)} MB`);
  let linked = 0;
  for (const target of steps) {
    const started = performance.now();
    await link(linked, target);
    linked = target;
    const working = (await service.api<Array<{ status: string }>>("GET", "/api/sessions")).filter((session) => session.status === "WORKING").length;
    await sleep(settleMs);
    const rss = service.rssMb();
    const perSession = target > 0 ? ((rss - baseline) * 1024) / target : 0;
    console.log(
      `  ${String(target).padStart(5)} linked sessions (${working} WORKING): ${rss.toFixed(1)} MB, +${(rss - baseline).toFixed(1)} MB over baseline, ${perSession.toFixed(0)} KB/session, linked in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const last = service.rssMb();
  if (linked >= 1_000) console.log(`  goal (1,000 sessions < 500 MB): ${last < 500 ? "met" : "NOT met"}`);
} finally {
  await service.stop();
}
