import { Elysia } from "elysia";
import { phonePageHtml } from "../sandbox-phone/phone-page.ts";
import { phoneScript } from "../sandbox-phone/phone-script.ts";

/**
 * The page holds no data and no key, so it is served openly; it asks for the key and calls `/api/*`
 * with it. The policy keeps the page to its own script, its own API and the images it makes.
 */
const headers = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

/** Our extension: the simulated phone's page (`/sandbox/phone`), to link and chat in a demo. */
export function sandboxPhoneRoutes() {
  return new Elysia({ name: "sandbox-phone" })
    .get("/sandbox/phone", () => new Response(phonePageHtml, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } }))
    .get("/sandbox/phone.js", () => new Response(phoneScript, { headers: { ...headers, "Content-Type": "text/javascript; charset=utf-8" } }));
}
