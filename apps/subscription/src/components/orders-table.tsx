import { getPlan } from "@nexis/plans";
import type { BillingOverview } from "~/lib/billing";
import { formatDate, formatMoney } from "~/lib/format";
import type { Translate } from "~/lib/i18n";

/** The billing history: each order with its date, plan and amount. */
export function OrdersTable({ orders, t, locale }: { orders: BillingOverview["orders"]; t: Translate; locale: string }) {
  if (orders.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{t("billing_history_empty")}</p>;
  const cell = "px-2 py-2 text-left first:pl-0";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="orders">
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            <th className={cell}>{t("billing_history_date")}</th>
            <th className={cell}>{t("billing_history_plan")}</th>
            <th className={cell}>{t("billing_history_amount")}</th>
            <th className={cell}>{t("billing_history_status")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className={cell}>{formatDate(order.createdAt, locale)}</td>
              <td className={cell}>
                {order.plan ? getPlan(order.plan).name : "—"}
                {order.interval ? ` · ${t(order.interval === "year" ? "billing_interval_year" : "billing_interval_month")}` : ""}
              </td>
              <td className={`${cell} tabular-nums`}>{formatMoney(order.amountCents, locale, order.currency)}</td>
              <td className={cell}>{t(order.status === "refunded" ? "billing_order_refunded" : "billing_order_paid")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
