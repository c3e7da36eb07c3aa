import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";

/** Usage against a plan limit; `limit: null` is unlimited. */
export function UsageBar({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const ratio = limit ? Math.min(1, used / limit) : 0;
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {limit === null ? m.plan_unlimited({ used: String(used) }) : m.plan_usage_of({ used: String(used), limit: String(limit) })}
        </span>
      </div>
      {limit !== null && (
        <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={used} className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
          <div className={classNames("h-full rounded-full", ratio >= 1 ? "bg-red-500" : ratio >= 0.8 ? "bg-amber-500" : "bg-brand-500")} style={{ width: `${ratio * 100}%` }} />
        </div>
      )}
    </div>
  );
}
