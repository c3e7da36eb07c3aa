import type { ReactNode } from "react";

/** Nothing to show yet: says so and what to do about it. */
export function EmptyState({ title, hint, children }: { title: string; hint: string; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-sm space-y-2 px-4 py-10 text-center">
      <p className="font-semibold">{title}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{hint}</p>
      {children}
    </div>
  );
}
