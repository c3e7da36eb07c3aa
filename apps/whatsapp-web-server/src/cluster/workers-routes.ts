import { Elysia } from "elysia";
import type { SessionRegistry } from "./registry.ts";

/**
 * `GET /api/x/workers` (our extension): every worker of the cluster with its address, capacity,
 * last heartbeat (and whether it is alive) and the sessions it owns with their lease expiry; `unowned` lists the sessions
 * waiting for a worker.
 */
export function workersRoutes(registry: SessionRegistry) {
  return new Elysia({ name: "cluster-workers" }).get("/api/x/workers", async () => {
    const [workers, rows] = await Promise.all([registry.workers(), registry.list()]);
    const now = Date.now();
    const owned = (id: string) =>
      rows
        .filter((row) => row.owner === id && (row.leaseExpiresAt?.getTime() ?? 0) > now)
        .map((row) => ({ name: row.name, status: row.status, leaseExpiresAt: row.leaseExpiresAt?.toISOString() ?? null }));
    return {
      self: registry.worker.id,
      workers: workers.map((worker) => ({
        id: worker.id,
        url: worker.url,
        capacity: worker.capacity,
        heartbeatAt: worker.heartbeatAt.toISOString(),
        // A worker silent for a lease is gone (killed, or cut off); its row stays until pruned.
        alive: worker.heartbeatAt.getTime() > now - registry.worker.leaseSeconds * 1000,
        sessions: owned(worker.id),
      })),
      unowned: rows.filter((row) => !row.owner || (row.leaseExpiresAt?.getTime() ?? 0) <= now).map((row) => ({ name: row.name, running: row.running, owner: row.owner })),
    };
  });
}
