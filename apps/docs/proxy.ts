import { createI18nMiddleware } from "fumadocs-core/i18n/middleware";
import { i18n } from "@/lib/i18n";

/** Serves English docs without a prefix (rewriting /docs to /en/docs) and the others under theirs. */
export default createI18nMiddleware(i18n);

export const config = {
  // Everything but the search API, Next's assets and the icon.
  matcher: ["/((?!api|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
