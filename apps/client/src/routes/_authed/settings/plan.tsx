import { m } from "@nexis/i18n/messages";
import { Card } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { UsageBar } from "../../../components/settings/usage-bar.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/plan")({ component: PlanSettings });

const limitLabels = {
  accounts: m.plan_limit_accounts,
  members: m.plan_limit_members,
  templates: m.plan_limit_templates,
  monthlyOutboundMessages: m.plan_limit_monthlyOutboundMessages,
} as const;

function PlanSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.subscription.current.queryOptions());
  return (
    <SettingsPage title={m.settings_plan()}>
      {current.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {current.isError && <QueryError error={current.error} onRetry={() => void current.refetch()} />}
      {current.data && (
        <Card className="space-y-4">
          <p className="font-semibold">{m.plan_current({ name: current.data.plan.name })}</p>
          {(Object.keys(limitLabels) as (keyof typeof limitLabels)[]).map((key) => (
            <UsageBar key={key} label={limitLabels[key]()} used={current.data.usage[key]} limit={current.data.plan.limits[key]} />
          ))}
          {current.data.upgradeUrl && (
            <a href={current.data.upgradeUrl} className="inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
              {m.plan_upgrade()}
            </a>
          )}
        </Card>
      )}
    </SettingsPage>
  );
}
