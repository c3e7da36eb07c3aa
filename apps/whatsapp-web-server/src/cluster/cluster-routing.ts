import { Elysia } from "elysia";
import type { SessionInfo, SessionManager } from "../sessions/session-manager.ts";
import type { ClusterWorker } from "./cluster-worker.ts";
import { forwardedHeader, forwardRequest, unavailable } from "./forward.ts";
import type { RegistryRow, SessionRegistry } from "./registry.ts";
import { sessionOfRequest } from "./session-of-request.ts";

/** What the routes need of a cluster worker. */
export type ClusterNode = { worker: ClusterWorker; registry: SessionRegistry; sessions: SessionManager };

const leaseValid = (row: RegistryRow) => row.owner !== null && row.leaseExpiresAt !== null && row.leaseExpiresAt.getTime() > Date.now();

/** A session held elsewhere as the registry last saw it; one waiting for a worker shows as STARTING. */
function remoteInfo(row: RegistryRow, defaultEngine: string): SessionInfo {
  const status = row.running && !leaseValid(row) ? "STARTING" : row.status;
  return {
    name: row.name,
    status,
    config: row.config,
    presence: null,
    timestamps: { activity: null },
    engine: { engine: (row.config.engine ?? defaultEngine) as SessionInfo["engine"]["engine"] },
  };
}

/**
 * Cluster mode's request routing: a request for a session this worker holds is served here; one
 * for a session another live worker owns is forwarded to it; one for a free session is served
 * here after claiming it (503 with Retry-After when this worker is full or the session is moving).
 * `GET /api/sessions` lists the whole registry. Registered after the API key check.
 */
export function clusterRouting(node: ClusterNode, defaultEngine: string) {
  const { worker, registry, sessions } = node;

  async function route(request: Request, url: URL): Promise<Response | undefined> {
    const name = await sessionOfRequest(request, url);
    if (!name || sessions.has(name)) return undefined;
    const row = await registry.get(name);
    // Unknown to the registry: served here (404, or a creation that registers it, if there is room).
    if (!row) {
      const creating = request.method === "POST" && url.pathname === "/api/sessions";
      return creating && worker.freeCapacity === 0 ? unavailable("this worker has no room for another session; retry (another worker may take it)", 2) : undefined;
    }
    if (row.owner !== worker.id && leaseValid(row) && row.owner) {
      if (request.headers.has(forwardedHeader)) return unavailable(`session '${name}' is moving between workers; retry shortly`);
      const ownerUrl = await registry.workerUrl(row.owner);
      if (!ownerUrl) return unavailable(`the worker that owns session '${name}' is not answering; retry shortly`);
      return forwardRequest(request, ownerUrl, worker.id);
    }
    if (await worker.claim(name)) return undefined;
    return unavailable(worker.stopping ? "this worker is shutting down; retry shortly" : `no capacity for session '${name}' on this worker; retry shortly`, 2);
  }

  return new Elysia({ name: "cluster-routing" }).onRequest(async ({ request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith("/api/")) return undefined;
    if (request.method === "GET" && url.pathname === "/api/sessions") {
      const all = url.searchParams.get("all") === "true";
      const rows = await registry.list();
      const listed = rows.map((row) => (sessions.has(row.name) ? sessions.get(row.name) : remoteInfo(row, defaultEngine)));
      // Created here a moment ago, its registry row still in the write queue.
      const known = new Set(rows.map((row) => row.name));
      for (const name of sessions.names()) if (!known.has(name)) listed.push(sessions.get(name));
      return Response.json(listed.filter((session) => all || session.status !== "STOPPED"));
    }
    return route(request, url);
  });
}
