import { paraglideMiddleware } from "@nexis/i18n/server";
import handler from "@tanstack/react-start/server-entry";

// Resolves the request's locale (cookie, then Accept-Language) before rendering, so the server
// renders the same language the browser will hydrate with.
export default {
  fetch(request: Request): Promise<Response> {
    return paraglideMiddleware(request, ({ request: localized }) => handler.fetch(localized));
  },
};
