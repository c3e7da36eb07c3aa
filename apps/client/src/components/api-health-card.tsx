import { getLocale } from "@nexis/i18n/runtime";
import { m } from "@nexis/i18n/messages";
import { Button, Card, Spinner, StatusBadge } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** Shows the API server's `health` answer, fetched through tRPC, with loading and error states. */
export function ApiHealthCard() {
  const trpc = useTRPC();
  const health = useQuery(trpc.health.queryOptions(undefined, { refetchInterval: 15_000 }));

  return (
    <Card aria-live="polite" data-testid="api-health">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold">{m.health_heading()}</h2>
        {health.isPending && <Spinner label={m.health_loading()} />}
        {health.isError && <StatusBadge tone="error">{m.health_down()}</StatusBadge>}
        {health.isSuccess && <StatusBadge tone="ok">{m.health_ok()}</StatusBadge>}
      </div>

      {health.isError && (
        <div className="mt-4 space-y-3 text-sm">
          <p className="text-red-700 dark:text-red-300">{m.health_error({ message: health.error.message })}</p>
          <p className="text-slate-600 dark:text-slate-400">{m.health_error_hint()}</p>
          <Button variant="secondary" onClick={() => void health.refetch()} disabled={health.isFetching}>
            {m.health_retry()}
          </Button>
        </div>
      )}

      {health.isSuccess && (
        <dl className="mt-4 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <Detail term={m.health_version()} value={health.data.version} />
          <Detail term={m.health_database()} value={health.data.database} />
          <Detail
            term={m.health_database_time()}
            value={new Date(health.data.databaseTime).toLocaleString(getLocale())}
          />
        </dl>
      )}
    </Card>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div className="rounded-xl bg-slate-100 px-3 py-2 dark:bg-slate-800">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="mt-0.5 font-mono text-sm break-all" data-testid={`health-${term}`}>
        {value}
      </dd>
    </div>
  );
}
