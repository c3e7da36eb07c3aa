import { m } from "@nexis/i18n/messages";
import { ThemeToggle } from "@nexis/ui";
import { LanguageSwitcher } from "./language-switcher.tsx";

export function AppHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-2">
          <span aria-hidden className="grid size-9 place-items-center rounded-xl bg-brand-600 text-lg font-bold text-white">
            N
          </span>
          <span className="text-lg font-semibold tracking-tight">{m.app_name()}</span>
        </div>
        <div className="flex items-center gap-1 sm:gap-3">
          <LanguageSwitcher />
          <ThemeToggle label={m.theme_toggle()} />
        </div>
      </div>
    </header>
  );
}
