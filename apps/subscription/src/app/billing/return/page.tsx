import { Card, Spinner, StatusBadge } from "@nexis/ui";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AutoRefresh } from "~/components/auto-refresh";
import { buttonClass } from "~/components/link-button";
import { Notice } from "~/components/notice";
import { translator } from "~/lib/i18n";
import { apiAsVisitor, trpcErrorCode } from "~/lib/trpc";

export const dynamic = "force-dynamic";

/**
 * Where the payment provider sends the buyer back. The API checks the signature (the query string
 * is passed on in its own order, which the signature covers) and says whether the webhook has
 * granted the plan yet; until it has, the page refreshes itself. The redirect grants nothing.
 */
export default async function ReturnPage({ searchParams }: PageProps<"/billing/return">) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, item]) : value === undefined ? [] : [[key, value]]))).toString();
  const { t } = await translator();

  let result: { status: "confirmed" | "pending"; planName: string } | { status: "invalid" };
  try {
    const answer = await (await apiAsVisitor()).billing.verifyReturn.query({ query: query || "-" });
    result = { status: answer.status, planName: answer.plan.name };
  } catch (error) {
    const code = trpcErrorCode(error);
    if (code === "UNAUTHORIZED") redirect("/sign-in?next=/billing");
    if (code !== "BAD_REQUEST" && code !== "NOT_FOUND") throw error;
    result = { status: "invalid" };
  }

  if (result.status === "invalid") {
    return (
      <div className="mx-auto max-w-lg space-y-4" data-testid="return-invalid">
        <h1 className="text-2xl font-bold">{t("billing_return_invalid_title")}</h1>
        <Notice tone="error">{t("billing_return_invalid")}</Notice>
        <Link href="/billing" className={buttonClass("secondary")}>
          {t("billing_return_continue")}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg">
      <Card data-testid="return-card" data-status={result.status}>
        <StatusBadge tone={result.status === "confirmed" ? "ok" : "pending"}>{result.planName}</StatusBadge>
        <h1 className="mt-4 text-2xl font-bold">{t("billing_return_title")}</h1>
        {result.status === "confirmed" ? (
          <p className="mt-2 text-slate-700 dark:text-slate-200">{t("billing_return_confirmed", { plan: result.planName })}</p>
        ) : (
          <div className="mt-3">
            <Spinner label={t("billing_return_waiting")} />
            <AutoRefresh />
          </div>
        )}
        <div className="mt-6">
          <Link href="/billing" className={buttonClass("primary")}>
            {t("billing_return_continue")}
          </Link>
        </div>
      </Card>
    </div>
  );
}
