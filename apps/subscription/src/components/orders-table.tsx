import { getPlan } from "@nexis/plans";
import type { BillingOverview } from "~/lib/billing";
import { formatDate, formatMoney } from "~/lib/format";
import type { Translate } from "~/lib/i18n";

type Order = BillingOverview["orders"][number];

/** What each order shows, whichever layout shows it. */
function describe(order: Order, t: Translate, locale: string) {
  return {
    date: formatDate(order.createdAt, locale),
    plan: `${order.plan ? getPlan(order.plan).name : "—"}${order.interval ? ` · ${t(order.interval === "year" ? "billing_interval_year" : "billing_interval_month")}` : ""}`,
    period: order.periodStart && order.periodEnd ? `${formatDate(order.periodStart, locale)} – ${formatDate(order.periodEnd, locale)}` : "—",
    amount: formatMoney(order.amountCents, locale, order.currency),
    status: t(order.status === "refunded" ? "billing_order_refunded" : "billing_order_paid"),
  };
}

/**
 * The billing history: each order (the first payment and every renewal) with its date, plan,
 * period and amount. A table from `sm` up; on a phone a list, so nothing hides behind a sideways scroll.
 */
export function OrdersTable({ orders, t, locale }: { orders: BillingOverview["orders"]; t: Translate; locale: string }) {
  if (orders.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{t("billing_history_empty")}</p>;
  const cell = "px-2 py-2 text-left first:pl-0";
  const rows = orders.map((order) => ({ id: order.id, ...describe(order, t, locale) }));
  return (
    <div data-testid="orders">
      <table className="hidden w-full text-sm sm:table">
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            <th className={cell}>{t("billing_history_date")}</th>
            <th className={cell}>{t("billing_history_plan")}</th>
            <th className={cell}>{t("billing_history_period")}</th>
            <th className={cell}>{t("billing_history_amount")}</th>
            <th className={cell}>{t("billing_history_status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className={`${cell} whitespace-nowrap`}>{row.date}</td>
              <td className={cell}>{row.plan}</td>
              <td className={cell}>{row.period}</td>
              <td className={`${cell} tabular-nums`}>{row.amount}</td>
              <td className={cell}>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-200 text-sm sm:hidden dark:divide-slate-800">
        {rows.map((row) => (
          <li key={row.id} className="py-3 first:pt-0 last:pb-0">
            <div className="flex items-baseline justify-between gap-3 font-medium">
              <span>{row.plan}</span>
              <span className="tabular-nums">{row.amount}</span>
            </div>
            <div className="mt-1 flex items-baseline justify-between gap-3 text-slate-600 dark:text-slate-300">
              <span>
                {t("billing_history_period")}: {row.period}
              </span>
              <span>{row.status}</span>
            </div>
            <div className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
              {t("billing_history_date")}: {row.date}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
