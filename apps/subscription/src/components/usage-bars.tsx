import { type LimitKey, limitKeys, type Plan } from "@nexis/plans";
import { classNames } from "@nexis/ui";
import { formatCount } from "~/lib/format";
import type { Translate } from "~/lib/i18n";

/** One bar per plan limit: used of allowed, red when over. */
export function UsageBars({ plan, usage, t, locale }: { plan: Plan; usage: Record<LimitKey, number>; t: Translate; locale: string }) {
  return (
    <ul className="space-y-4" data-testid="usage">
      {limitKeys.map((key) => {
        const limit = plan.limits[key];
        const used = usage[key];
        const percent = limit === null ? 0 : Math.min(100, Math.round((used / Math.max(limit, 1)) * 100));
        const over = limit !== null && used > limit;
        return (
          <li key={key}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="font-medium">{t(`billing_limit_${key}`)}</span>
              <span className={classNames("tabular-nums", over ? "font-semibold text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300")}>
                {limit === null
                  ? t("billing_usage_unlimited", { used: formatCount(used, locale) })
                  : t("billing_usage_of", { used: formatCount(used, locale), limit: formatCount(limit, locale) })}
              </span>
            </div>
            <div
              role="progressbar"
              aria-label={t(`billing_limit_${key}`)}
              aria-valuemin={0}
              aria-valuemax={limit ?? undefined}
              aria-valuenow={used}
              className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            >
              <div className={classNames("h-full rounded-full", over ? "bg-red-500" : percent >= 80 ? "bg-amber-500" : "bg-brand-500")} style={{ width: `${percent}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
