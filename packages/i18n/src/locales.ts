/** The locales every app ships, with the name each one shows in a language switcher. */
export const localeNames = {
  en: "English",
  "pt-BR": "Português (Brasil)",
  es: "Español",
} as const;

export type AppLocale = keyof typeof localeNames;
