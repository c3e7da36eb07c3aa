import { localeNames } from "@nexis/i18n/locales";
import { m } from "@nexis/i18n/messages";
import { getLocale, locales, setLocale, type Locale } from "@nexis/i18n/runtime";

/** Picks the interface language; Paraglide stores it in a cookie and reloads the page. */
export function LanguageSwitcher() {
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      <span className="sr-only sm:not-sr-only">{m.language_label()}</span>
      <select
        value={getLocale()}
        onChange={(event) => setLocale(event.target.value as Locale)}
        className="min-h-10 rounded-lg border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
