import { featureKeys, limitKeys, planList } from "@nexis/plans";
import type { Translate } from "~/lib/i18n";
import { formatCount } from "~/lib/format";

/** Every plan's limits and features side by side, from the shared catalogue. */
export function CompareTable({ t, locale }: { t: Translate; locale: string }) {
  const cell = "px-2 py-2 text-left align-top sm:px-3";
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-xs sm:text-sm" data-testid="compare-table">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={cell}>
              {t("billing_compare_feature")}
            </th>
            {planList.map((plan) => (
              <th key={plan.id} scope="col" className={cell}>
                {plan.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {limitKeys.map((key) => (
            <tr key={key} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className={`${cell} font-medium`}>
                {t(`billing_limit_${key}`)}
              </th>
              {planList.map((plan) => {
                const limit = plan.limits[key];
                return (
                  <td key={plan.id} className={cell}>
                    {limit === null ? t("billing_unlimited") : formatCount(limit, locale)}
                  </td>
                );
              })}
            </tr>
          ))}
          {featureKeys.map((key) => (
            <tr key={key} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className={`${cell} font-medium`}>
                {t(`billing_feature_${key}`)}
              </th>
              {planList.map((plan) => (
                <td key={plan.id} className={cell}>
                  {plan.features[key] ? <span aria-label={t("billing_yes")}>✓</span> : <span aria-label={t("billing_no")} className="text-slate-400">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
