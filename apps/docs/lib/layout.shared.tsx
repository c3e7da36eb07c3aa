import { uiTranslations } from "fumadocs-ui/i18n";
import type { BaseLayoutProps } from "fumadocs-ui/layouts/shared";
import { docsHome, i18n } from "@/lib/i18n";

/** The interface's own words (search, table of contents, previous/next) in each language. */
export const translations = i18n
  .translations()
  .extend(uiTranslations())
  .add({
    en: { displayName: "English" },
    "pt-br": {
      displayName: "Português (Brasil)",
      "Search(search trigger)": "Pesquisar",
      "Search(search dialog)": "Pesquisar",
      "No results found(search dialog)": "Nenhum resultado",
      "On this page(table of contents)": "Nesta página",
      "Next Page(pagination)": "Próxima página",
      "Previous Page(pagination)": "Página anterior",
      "Choose a language(language switcher)": "Escolha um idioma",
    },
    es: {
      displayName: "Español",
      "Search(search trigger)": "Buscar",
      "Search(search dialog)": "Buscar",
      "No results found(search dialog)": "No hay resultados",
      "On this page(table of contents)": "En esta página",
      "Next Page(pagination)": "Página siguiente",
      "Previous Page(pagination)": "Página anterior",
      "Choose a language(language switcher)": "Elige un idioma",
    },
  });

/**
 * Options shared by every layout: the navbar title, linking to the docs in the reader's language.
 * The language switcher comes with the i18n provider of the root layout.
 */
export function baseOptions(lang: string): BaseLayoutProps {
  return {
    nav: {
      title: (
        <>
          <span aria-hidden className="inline-block size-2.5 rounded-full bg-fd-primary" />
          NexisChat Docs
        </>
      ),
      url: docsHome(lang),
    },
  };
}
