import { type BillingInterval, type Plan, planList } from "@nexis/plans";
import { Button, Card, StatusBadge } from "@nexis/ui";
import Link from "next/link";
import { changePlan, startCheckout } from "~/app/actions";
import { CompareTable } from "~/components/compare-table";
import { buttonClass } from "~/components/link-button";
import { Notice } from "~/components/notice";
import { type BillingOverview, hasPaidSubscription, loadOverview } from "~/lib/billing";
import { formatMoney } from "~/lib/format";
import { type Translate, translator } from "~/lib/i18n";

export const dynamic = "force-dynamic";

export default async function PricingPage({ searchParams }: PageProps<"/pricing">) {
  const { interval: rawInterval, error } = await searchParams;
  const interval: BillingInterval = rawInterval === "year" ? "year" : "month";
  const { t, locale } = await translator();
  const state = await loadOverview();
  const overview = state.kind === "ok" ? state.overview : null;
  const toggle = (value: BillingInterval) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${value === interval ? "bg-white shadow-sm dark:bg-slate-700" : "text-slate-600 dark:text-slate-300"}`;

  return (
    <div className="space-y-10">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("billing_pricing_title")}</h1>
        <p className="mt-3 text-slate-600 dark:text-slate-300">{t("billing_pricing_intro")}</p>
      </section>

      {typeof error === "string" ? <Notice tone="error">{t("billing_error_generic", { message: error })}</Notice> : null}
      {overview && !overview.canManage ? <Notice tone="info">{t("billing_owner_only")}</Notice> : null}
      {overview?.provider === "sandbox" ? <Notice tone="warn">{t("billing_sandbox_notice")}</Notice> : null}
      {overview?.provider === "none" ? (
        <Notice tone="warn" testId="payments-off">
          {t("billing_payments_not_configured")}
        </Notice>
      ) : null}

      <div role="group" aria-label="Billing interval" className="inline-flex rounded-lg bg-slate-100 p-1 dark:bg-slate-800">
        <Link href="/pricing?interval=month" className={toggle("month")} aria-current={interval === "month" ? "page" : undefined}>
          {t("billing_interval_month")}
        </Link>
        <Link href="/pricing?interval=year" className={toggle("year")} aria-current={interval === "year" ? "page" : undefined}>
          {t("billing_interval_year")}
        </Link>
      </div>

      <ul className="grid gap-4 md:grid-cols-3">
        {planList.map((plan) => (
          <li key={plan.id}>
            <Card className="flex h-full flex-col" data-testid={`plan-${plan.id}`}>
              <div className="flex items-center justify-between gap-2">
                <h2 className="text-xl font-semibold">{plan.name}</h2>
                {overview?.plan.id === plan.id ? <StatusBadge tone="ok">{t("billing_plan_current")}</StatusBadge> : null}
              </div>
              <p className="mt-4 text-3xl font-bold">
                {plan.priceCents[interval] === 0 ? t("billing_free_price") : formatMoney(plan.priceCents[interval], locale)}
                {plan.priceCents[interval] === 0 ? null : (
                  <span className="text-base font-normal text-slate-500 dark:text-slate-400"> {t(interval === "year" ? "billing_per_year" : "billing_per_month")}</span>
                )}
              </p>
              <div className="mt-auto pt-6">
                <PlanAction plan={plan} interval={interval} overview={overview} signedOut={state.kind === "signed-out"} t={t} />
              </div>
            </Card>
          </li>
        ))}
      </ul>

      <section aria-labelledby="compare-title" className="space-y-4">
        <h2 id="compare-title" className="text-xl font-semibold">
          {t("billing_compare_title")}
        </h2>
        <CompareTable t={t} locale={locale} />
      </section>
    </div>
  );
}

/** What a plan card offers the visitor: sign in, upgrade (checkout), switch, or nothing (read-only). */
function PlanAction({ plan, interval, overview, signedOut, t }: { plan: Plan; interval: BillingInterval; overview: BillingOverview | null; signedOut: boolean; t: Translate }) {
  if (signedOut) {
    return plan.id === "free" ? null : (
      <Link href="/sign-in?next=/pricing" className={buttonClass("secondary", "w-full")}>
        {t("billing_plan_sign_in_to_upgrade")}
      </Link>
    );
  }
  if (!overview?.canManage) return null;
  const paying = hasPaidSubscription(overview);
  const current = overview.plan.id === plan.id && (plan.id === "free" || overview.subscription?.interval === interval);
  if (current) return null;
  if (plan.id === "free") {
    return paying ? (
      <Link href="/billing" className={buttonClass("secondary", "w-full")}>
        {t("billing_plan_downgrade_free")}
      </Link>
    ) : null;
  }
  return (
    <form action={paying ? changePlan : startCheckout}>
      <input type="hidden" name="plan" value={plan.id} />
      <input type="hidden" name="interval" value={interval} />
      <Button type="submit" className="w-full">
        {paying ? t("billing_plan_switch", { plan: plan.name }) : t("billing_plan_upgrade", { plan: plan.name })}
      </Button>
    </form>
  );
}
