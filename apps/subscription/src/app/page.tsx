import { Card, Spinner } from "@nexis/ui";
import Link from "next/link";
import { Suspense } from "react";
import { ApiStatusCard } from "~/components/api-status-card";
import { buttonClass } from "~/components/link-button";
import { translator } from "~/lib/i18n";

// The API status is live: render per request, never at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { t } = await translator();
  return (
    <div className="space-y-12">
      <section className="max-w-2xl">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-400">Subscription portal</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">{t("billing_home_title")}</h1>
        <p className="mt-4 text-base text-pretty text-slate-600 sm:text-lg dark:text-slate-300">{t("billing_home_intro")}</p>
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <Link href="/pricing" className={buttonClass("primary")}>
            {t("billing_home_see_plans")}
          </Link>
          <Link href="/billing" className={buttonClass("secondary")}>
            {t("billing_home_manage")}
          </Link>
        </div>
      </section>

      <section className="max-w-2xl">
        <Suspense
          fallback={
            <Card>
              <Spinner label="Checking the API…" />
            </Card>
          }
        >
          <ApiStatusCard />
        </Suspense>
      </section>
    </div>
  );
}
