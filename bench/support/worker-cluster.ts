// WhatsApp workers in cluster mode (apps/whatsapp-web-server with DATABASE_URL, as the service's
// cluster tests run them), SANDBOX sessions linked on them, and waiting for their ownership.
import { startWhatsAppService, type WhatsAppService } from "./whatsapp-service.ts";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it gives a truthy value; throws after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface ClusterWorker extends WhatsAppService {
  id: string;
  /** The sessions this worker holds, as its `/api/server/status` says. */
  held(): Promise<string[]>;
}

/**
 * A worker process (`bun src/index.ts`, SANDBOX engine) of the cluster whose registry is the
 * database at `databaseUrl`; a run that fails leaves none behind.
 */
export async function startClusterWorker(databaseUrl: string, id: string, env: Record<string, string> = {}): Promise<ClusterWorker> {
  const service = await startWhatsAppService({ DATABASE_URL: databaseUrl, WORKER_ID: id, WHATSAPP_ENGINE: "SANDBOX", LOG_LEVEL: "error", ...env });
  const killOnExit = () => {
    try {
      process.kill(service.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killOnExit);
  return {
    ...service,
    id,
    held: async () => (await service.api<{ worker: { sessions: string[] } }>("GET", "/api/server/status")).worker.sessions,
    stop: async (signal) => {
      process.off("exit", killOnExit);
      await service.stop(signal);
    },
  };
}

export async function sessionStatus(worker: WhatsAppService, name: string): Promise<string> {
  return (await worker.api<{ status: string }>("GET", `/api/sessions/${name}`)).status;
}

/** Whether `worker` holds every one of `names` and each is WORKING there. */
export async function allWorkingOn(worker: ClusterWorker, names: string[]): Promise<boolean> {
  const held = new Set(await worker.held());
  if (!names.every((name) => held.has(name))) return false;
  const statuses = await Promise.all(names.map((name) => sessionStatus(worker, name)));
  return statuses.every((status) => status === "WORKING");
}

/** Creates SANDBOX sessions through `worker` (which claims them) and links each with the sandbox phone. */
export async function linkSandboxSessions(worker: ClusterWorker, names: string[]): Promise<void> {
  for (const name of names) await worker.api("POST", "/api/sessions", { name });
  for (const name of names) {
    await waitFor(async () => (await sessionStatus(worker, name)) === "SCAN_QR_CODE", 30_000, `${name} to show a QR`);
    await worker.api("POST", `/api/sandbox/${name}/scan`, {});
  }
  await waitFor(() => allWorkingOn(worker, names), 30_000, `all of ${names.join(", ")} WORKING on ${worker.id}`);
}
