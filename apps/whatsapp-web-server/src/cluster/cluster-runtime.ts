import type { Database } from "bun:sqlite";
import { createRuntime, type RuntimeOptions } from "../runtime.ts";
import { AuthStateStore } from "./auth-state-store.ts";
import { openClusterDatabase } from "./cluster-database.ts";
import { ClusterWorker } from "./cluster-worker.ts";
import { LeaseLoop } from "./lease-loop.ts";
import { SessionRegistry } from "./registry.ts";
import { type ReplicatedOutbox, replicatedWebhookOutbox } from "./replicated-outbox.ts";
import { replicatedSandboxLinkStore, replicatedSandboxStore } from "./replicated-sandbox-stores.ts";
import { replicatedSessionStore } from "./replicated-session-store.ts";
import { WriteQueue } from "./write-queue.ts";

/** Cluster mode's settings (from `DATABASE_URL`, `WORKER_*`, `WHATSAPP_LEASE_SECONDS`, `WHATSAPP_AUTH_MAX_BYTES`). */
export type ClusterOptions = {
  databaseUrl: string;
  workerId: string;
  workerUrl: string;
  capacity: number;
  leaseSeconds: number;
  authMaxBytes: number;
};

/**
 * The runtime of one worker of a cluster: the same sessions, engines and webhooks as a single
 * process, on an in-memory SQLite working copy whose writes go on to Postgres, plus the registry,
 * the lease loop and the worker that moves sessions in and out.
 */
export async function createClusterRuntime(options: Omit<RuntimeOptions, "dataDir">, cluster: ClusterOptions) {
  const sql = await openClusterDatabase(cluster.databaseUrl);
  const writes = new WriteQueue(sql, options.logger);
  const registry = new SessionRegistry(sql, { id: cluster.workerId, url: cluster.workerUrl, capacity: cluster.capacity, leaseSeconds: cluster.leaseSeconds });
  const local: { db?: Database; outbox?: ReplicatedOutbox } = {};
  // Built after the runtime it works on; status changes before that have nothing to save.
  let stoppedHook: ((name: string) => Promise<void>) | null = null;
  const runtime = createRuntime({
    ...options,
    dataDir: null,
    wrapStores: (stores, db) => {
      const outbox = replicatedWebhookOutbox(stores.outbox, writes, cluster.workerId);
      local.db = db;
      local.outbox = outbox;
      return {
        sessions: replicatedSessionStore(stores.sessions, writes, cluster.workerId, cluster.leaseSeconds),
        sandboxLinks: replicatedSandboxLinkStore(stores.sandboxLinks, writes),
        sandbox: replicatedSandboxStore(stores.sandbox, writes),
        outbox,
      };
    },
    onSessionStatus: (name, status) => {
      writes.push((tx) => tx`UPDATE whatsapp.sessions SET status = ${status} WHERE name = ${name} AND owner_worker = ${cluster.workerId}`);
      if (status === "STOPPED") void stoppedHook?.(name);
    },
  });
  const { db, outbox } = local;
  if (!db || !outbox) throw new Error("the runtime did not build its stores");
  const worker = new ClusterWorker({
    sql,
    db,
    registry,
    writes,
    outbox,
    sessions: runtime.sessions,
    webhooks: runtime.webhooks,
    webjsAuth: options.webjs ? { store: new AuthStateStore(sql, cluster.authMaxBytes), dir: runtime.webjsAuthDir } : null,
    defaultEngine: options.engine,
    logger: options.logger,
  });
  stoppedHook = (name) => worker.onStopped(name);
  const leases = new LeaseLoop({ registry, worker, sessions: runtime.sessions, writes, logger: options.logger });
  return {
    ...runtime,
    cluster: { worker, registry, sessions: runtime.sessions },
    /** Ready when the local working copy and the shared registry in Postgres both answer. */
    async storeCheck() {
      await runtime.storeCheck();
      await sql`SELECT 1`;
      return { status: "up" as const, registry: "postgres" };
    },
    /** Joins the cluster: heartbeats, then claims free sessions. */
    async start() {
      await runtime.start();
      await leases.start();
    },
    /** Leaves the cluster: hands every session over with nothing pending, then closes. */
    async close() {
      await leases.stop();
      await worker.shutdown();
      await registry.removeWorker();
      await runtime.close();
      await sql.close();
    },
  };
}
