import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

const tones = {
  ok: "bg-brand-50 text-brand-900 ring-brand-500/30 dark:bg-brand-900/40 dark:text-brand-100",
  pending: "bg-amber-50 text-amber-900 ring-amber-500/30 dark:bg-amber-900/30 dark:text-amber-100",
  error: "bg-red-50 text-red-900 ring-red-500/30 dark:bg-red-900/30 dark:text-red-100",
} as const;

const dots = { ok: "bg-brand-500", pending: "bg-amber-500 animate-pulse", error: "bg-red-500" } as const;

/** A small pill with a coloured dot: connected, pending, or failing. */
export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <span
      className={classNames(
        "inline-flex items-center gap-2 rounded-full px-3 py-1 text-xs font-semibold ring-1",
        tones[tone],
      )}
    >
      <span aria-hidden className={classNames("size-2 rounded-full", dots[tone])} />
      {children}
    </span>
  );
}
