"use client";

import { useTheme } from "./theme.tsx";

/** Switches between light and dark; `label` is the translated accessible name. */
export function ThemeToggle({ label }: { label: string }) {
  const [theme, setTheme] = useTheme();
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
      className="inline-flex size-10 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden className="text-lg">
        {theme === "dark" ? "☀" : "☾"}
      </span>
    </button>
  );
}
