import { Button, Card, StatusBadge } from "@nexis/ui";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cancelSubscription, openCustomerPortal, resumeSubscription, signOut } from "~/app/actions";
import { buttonClass } from "~/components/link-button";
import { Notice } from "~/components/notice";
import { SentryVisitor } from "~/components/sentry-visitor";
import { OrdersTable } from "~/components/orders-table";
import { UsageBars } from "~/components/usage-bars";
import { hasPaidSubscription, loadOverview } from "~/lib/billing";
import { formatDate } from "~/lib/format";
import { translator } from "~/lib/i18n";

export const dynamic = "force-dynamic";

const statusTone = { active: "ok", trialing: "ok", past_due: "error", canceled: "pending", expired: "pending" } as const;

export default async function BillingPage({ searchParams }: PageProps<"/billing">) {
  const { error, notice } = await searchParams;
  const { t, locale } = await translator();
  const state = await loadOverview();
  if (state.kind === "signed-out") redirect("/sign-in?next=/billing");
  if (state.kind === "error") return <Notice tone="error">{t("billing_error_generic", { message: state.message })}</Notice>;
  const { overview } = state;
  const { subscription, plan } = overview;
  const paying = hasPaidSubscription(overview);

  return (
    <div className="space-y-8">
      <SentryVisitor userId={overview.userId} workspaceId={overview.workspaceId} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("billing_nav_billing")}</h1>
        <form action={signOut}>
          <Button type="submit" variant="ghost">
            {t("billing_nav_sign_out")}
          </Button>
        </form>
      </div>

      {typeof error === "string" ? <Notice tone="error">{t("billing_error_generic", { message: error })}</Notice> : null}
      {notice === "requested" ? <Notice tone="info">{t("billing_requested")}</Notice> : null}
      {!overview.canManage ? <Notice tone="info">{t("billing_owner_only")}</Notice> : null}
      {overview.provider === "sandbox" ? <Notice tone="warn">{t("billing_sandbox_notice")}</Notice> : null}
      {overview.provider === "none" ? (
        <Notice tone="warn" testId="payments-off">
          {t("billing_payments_not_configured")}
        </Notice>
      ) : null}
      {overview.overLimit.length > 0 ? (
        <Notice tone="error" testId="over-limit">
          {t("billing_over_limit", { plan: plan.name, what: overview.overLimit.map((key) => t(`billing_limit_${key}`)).join(", ") })}{" "}
          {t("billing_over_limit_detail")}
        </Notice>
      ) : null}

      <div className="grid gap-6 md:grid-cols-2">
        <Card data-testid="current-plan">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">{t("billing_current_title")}</h2>
            {subscription ? <StatusBadge tone={statusTone[subscription.status]}>{t(`billing_status_${subscription.status}`)}</StatusBadge> : null}
          </div>
          <p className="mt-3 text-3xl font-bold">{plan.name}</p>
          {paying && subscription?.currentPeriodEnd ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              {subscription.cancelAtPeriodEnd
                ? t("billing_ends_on", { date: formatDate(subscription.currentPeriodEnd, locale), plan: plan.name })
                : t("billing_renews_on", { date: formatDate(subscription.currentPeriodEnd, locale) })}
              {subscription.interval ? ` · ${t(subscription.interval === "year" ? "billing_interval_year" : "billing_interval_month")}` : ""}
            </p>
          ) : null}
          {overview.canManage ? (
            <div className="mt-6 flex flex-wrap gap-3">
              <Link href="/pricing" className={buttonClass("primary")}>
                {t("billing_home_see_plans")}
              </Link>
              {paying && !subscription?.cancelAtPeriodEnd ? (
                <form action={cancelSubscription}>
                  <Button type="submit" variant="secondary">
                    {t("billing_cancel")}
                  </Button>
                </form>
              ) : null}
              {paying && subscription?.cancelAtPeriodEnd ? (
                <form action={resumeSubscription}>
                  <Button type="submit" variant="secondary">
                    {t("billing_resume")}
                  </Button>
                </form>
              ) : null}
              {subscription?.hasCustomer ? (
                <form action={openCustomerPortal}>
                  <Button type="submit" variant="ghost">
                    {t("billing_portal")}
                  </Button>
                </form>
              ) : null}
            </div>
          ) : null}
          {overview.canManage && paying && !subscription?.cancelAtPeriodEnd ? (
            <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">{t("billing_cancel_hint")}</p>
          ) : null}
        </Card>

        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("billing_usage_title")}</h2>
          <UsageBars plan={plan} usage={overview.usage} t={t} locale={locale} />
        </Card>
      </div>

      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("billing_history_title")}</h2>
        <OrdersTable orders={overview.orders} t={t} locale={locale} />
      </Card>
    </div>
  );
}
