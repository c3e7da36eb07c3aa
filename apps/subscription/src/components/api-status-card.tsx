import { Card, StatusBadge } from "@nexis/ui";
import type { RouterOutputs } from "server/trpc";
import { RetryButton } from "~/components/retry-button";
import { env } from "~/env";
import { formatUptime } from "~/lib/format";
import { api } from "~/lib/trpc";

type Health = RouterOutputs["health"];

/** Asks the API for its health on every request; a failure becomes the error state, never a 500. */
async function fetchHealth(): Promise<Health | null> {
  try {
    return await api.health.query();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[subscription] API health check failed at ${env.SERVER_URL}: ${reason}`);
    return null;
  }
}

/** The live "API status" card, rendered on the server. */
export async function ApiStatusCard() {
  const health = await fetchHealth();
  return (
    <Card aria-labelledby="api-status-title" role="region">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="api-status-title" className="text-lg font-semibold">
          API status
        </h2>
        {health ? <StatusBadge tone="ok">{health.status}</StatusBadge> : <StatusBadge tone="error">unreachable</StatusBadge>}
      </div>
      {health ? <HealthDetails health={health} /> : <HealthError />}
    </Card>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const rows = [
    ["Version", health.version],
    ["Database", health.database === "pglite" ? "PGlite (embedded)" : "PostgreSQL"],
    ["Uptime", formatUptime(health.uptimeSeconds)],
    ["Database time", new Date(health.databaseTime).toUTCString()],
  ] as const;
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="mt-0.5 font-medium break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function HealthError() {
  return (
    <div className="mt-4 space-y-4 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        The API server did not answer at <code className="font-mono wrap-break-word">{env.SERVER_URL}</code>. Start it
        with{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono whitespace-nowrap dark:bg-slate-800">
          pnpm --filter server dev
        </code>{" "}
        and retry.
      </p>
      <RetryButton label="Retry" />
    </div>
  );
}
