import { classNames } from "@nexis/ui";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-600",
  secondary:
    "bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700",
} as const;

/** The `Button` look for links (`@nexis/ui`'s Button is a <button>). */
export function buttonClass(variant: keyof typeof variants, extra?: string): string {
  return classNames(
    "inline-flex min-h-10 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2",
    variants[variant],
    extra,
  );
}
