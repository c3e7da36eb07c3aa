import type { Logger } from "../logger.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { ClusterWorker } from "./cluster-worker.ts";
import type { SessionRegistry } from "./registry.ts";
import type { WriteQueue } from "./write-queue.ts";

export type LeaseLoopOptions = {
  registry: SessionRegistry;
  worker: ClusterWorker;
  sessions: SessionManager;
  writes: WriteQueue;
  logger: Logger;
  /** How often free sessions are looked for. Default 1 s. */
  claimEveryMs?: number;
  /** How often WEBJS auth states are saved while their sessions work. Default 5 min. */
  authSaveEveryMs?: number;
};

/**
 * The worker's clock: every lease/3 it heartbeats and renews its sessions' leases (a session it
 * no longer owns is stopped here at once); every second it claims running sessions that nobody
 * owns or whose lease expired, up to its free capacity.
 */
export class LeaseLoop {
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private renewing: Promise<void> | null = null;
  /** When the leases were last renewed: past a lease without renewal, others may run our sessions. */
  private renewedAt = Date.now();
  private claiming: Promise<void> | null = null;

  constructor(private readonly options: LeaseLoopOptions) {}

  async start(): Promise<void> {
    await this.options.registry.releaseLeftovers();
    await this.renew();
    const { registry } = this.options;
    this.every((registry.worker.leaseSeconds * 1000) / 3, () => (this.renewing ??= this.renewOrFence().finally(() => (this.renewing = null))));
    this.every(this.options.claimEveryMs ?? 1_000, () => (this.claiming ??= this.claim().finally(() => (this.claiming = null))));
    this.every(this.options.authSaveEveryMs ?? 5 * 60_000, () => this.options.worker.saveAuthStates());
    await this.claim();
  }

  /** Stops the clock and waits for the round in flight. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([this.renewing, this.claiming]);
  }

  private every(ms: number, tick: () => Promise<unknown>): void {
    this.timers.push(
      setInterval(() => {
        tick().catch((error: unknown) => this.options.logger.error("cluster: lease loop round failed", error));
      }, ms),
    );
  }

  /**
   * A worker cut off from Postgres cannot renew; once its leases may have run out, another worker
   * may be running its sessions, so it stops them all here (each comes back after a claim).
   */
  private async renewOrFence(): Promise<void> {
    try {
      await this.renew();
    } catch (error) {
      const { registry, sessions, worker, logger } = this.options;
      logger.error("cluster: renewing the leases failed", error);
      if (Date.now() - this.renewedAt > (registry.worker.leaseSeconds * 1000 * 2) / 3) {
        await Promise.all(sessions.names().map((name) => worker.lost(name)));
      }
    }
  }

  private async renew(): Promise<void> {
    const { registry, sessions, worker, writes } = this.options;
    await registry.heartbeat();
    // Sessions created here reach the registry through the write queue: flush it first, so a
    // session held before the flush and missing from the answer really belongs to someone else.
    const held = sessions.names();
    const leased = worker.leased();
    await writes.flush();
    const owned = new Set(await registry.renew(leased));
    this.renewedAt = Date.now();
    await Promise.all(held.filter((name) => !owned.has(name) && sessions.has(name)).map((name) => worker.lost(name)));
  }

  private async claim(): Promise<void> {
    const { registry, worker } = this.options;
    const rows = await registry.claimExpired(worker.freeCapacity);
    await worker.takeAll(rows);
  }
}
