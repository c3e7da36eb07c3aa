import { m } from "@nexis/i18n/messages";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { EmptyState } from "../../../components/common/empty-state.tsx";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { NumberRow } from "../../../components/settings/number-row.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/numbers")({ component: NumbersSettings });

function NumbersSettings() {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.account.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  // Only owners and admins may change a number's sending rate (the API refuses agents too).
  const role = useQuery(trpc.workspace.get.queryOptions()).data?.role ?? "";
  const canManage = role.split(",").some((one) => ["owner", "admin"].includes(one.trim()));
  return (
    <SettingsPage title={m.settings_numbers()}>
      {accounts.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {accounts.isError && <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.length === 0 && <EmptyState title={m.numbers_empty()} hint={m.numbers_empty_hint()} />}
      <ul className="space-y-2">
        {accounts.data?.map((account) => <NumberRow key={account.id} account={account} canManage={canManage} />)}
      </ul>
      <Link to="/onboarding" className="inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
        {m.view_add_number()}
      </Link>
    </SettingsPage>
  );
}
