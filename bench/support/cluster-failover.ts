// The failover side of bench/cluster, as the service's failover cluster test does it once: two
// workers, linked SANDBOX sessions all held by one; `kill -9` of the holder (or SIGTERM, the
// handover), timed until every session is WORKING on the other. The stopped worker is started
// again (same WORKER_ID) before the next run, and the sessions' holder alternates.
import { allWorkingOn, type ClusterWorker, linkSandboxSessions, sleep, startClusterWorker, waitFor } from "./worker-cluster.ts";

export interface FailoverOptions {
  databaseUrl: string;
  sessions: number;
  /** Runs after `kill -9`, then runs after SIGTERM. */
  killRuns: number;
  termRuns: number;
  /** The workers' environment (lease, sandbox time scale). */
  env: Record<string, string>;
  /**
   * A kill waits a random 0 to this many ms after the sessions arrived: a crash comes at any moment
   * of the lease renewal cycle (every lease/3), not always right after a claim, when the whole lease
   * is left to run.
   */
  killDelayMaxMs: number;
}

export interface FailoverTimes {
  /** Milliseconds from the kill (or SIGTERM) to every session WORKING on the survivor, one per run. */
  afterKill: number[];
  afterTerm: number[];
}

export async function measureFailover(options: FailoverOptions): Promise<FailoverTimes> {
  const names = Array.from({ length: options.sessions }, (_, index) => `s${index}`);
  let holder: ClusterWorker = await startClusterWorker(options.databaseUrl, "worker-a", options.env);
  // Created through one worker, every session is claimed by it; the other starts once they are.
  await linkSandboxSessions(holder, names);
  let spare: ClusterWorker = await startClusterWorker(options.databaseUrl, "worker-b", options.env);
  const times: FailoverTimes = { afterKill: [], afterTerm: [] };

  async function run(signal: "SIGKILL" | "SIGTERM") {
    if (signal === "SIGKILL") await sleep(Math.random() * options.killDelayMaxMs);
    const stoppedAt = performance.now();
    const exited = holder.stop(signal);
    await waitFor(() => allWorkingOn(spare, names), 120_000, `every session WORKING on ${spare.id} after ${signal}`);
    const ms = performance.now() - stoppedAt;
    await exited;
    const restarted = await startClusterWorker(options.databaseUrl, holder.id, options.env);
    [holder, spare] = [spare, restarted];
    return ms;
  }

  try {
    for (let index = 0; index < options.killRuns; index++) times.afterKill.push(await run("SIGKILL"));
    for (let index = 0; index < options.termRuns; index++) times.afterTerm.push(await run("SIGTERM"));
  } finally {
    await Promise.all([holder.stop("SIGKILL"), spare.stop("SIGKILL")]);
  }
  return times;
}
