import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** CSPs chosen by the sandbox pages, applied over the API's `default-src 'none'` by `sandboxPageHeaders`. */
const pageCsp = new WeakMap<Request, string>();

/**
 * Mounted before the app's secure headers (so it runs after them): gives the sandbox's HTML pages
 * the CSP they chose instead of the API's, which lets nothing load.
 */
export async function sandboxPageHeaders(c: Context, next: () => Promise<void>) {
  await next();
  const csp = pageCsp.get(c.req.raw);
  if (csp) c.res.headers.set("Content-Security-Policy", csp);
}

/** Renders a sandbox page: one nonce'd stylesheet, no script, forms posting here or redirecting to `formTargets`. */
export function renderPage(c: Context, options: { title: string; body: HtmlEscapedString | Promise<HtmlEscapedString>; status?: number; formTargets?: string[] }) {
  const nonce = randomBytes(16).toString("base64");
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(" ");
  pageCsp.set(c.req.raw, `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`);
  c.header("Cache-Control", "no-store");
  return c.html(
    html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title} · NexisChat payment sandbox</title>
<style nonce="${nonce}">${raw(styles)}</style>
</head>
<body>
<div class="banner">Payment sandbox: no real money moves. Set CREEM_API_KEY to use Creem.</div>
<main class="card">${options.body}</main>
</body>
</html>`,
    (options.status ?? 200) as 200,
  );
}

const styles = `
:root { color-scheme: light dark; --bg:#f4f4f5; --fg:#18181b; --muted:#52525b; --card:#fff; --line:#d4d4d8; --accent:#16a34a; --error:#b91c1c; --warn:#a16207; }
@media (prefers-color-scheme: dark) { :root { --bg:#09090b; --fg:#fafafa; --muted:#a1a1aa; --card:#18181b; --line:#3f3f46; --accent:#22c55e; --error:#f87171; --warn:#facc15; } }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background:var(--bg); color:var(--fg); }
.banner { background:#fde68a; color:#422006; text-align:center; padding:.5rem 1rem; font-size:13px; }
/* On a phone the card keeps 1rem of page on each side instead of touching the screen's edges. */
.card { width:min(440px, calc(100% - 2rem)); margin:2rem auto; background:var(--card); border:1px solid var(--line); border-radius:12px; padding:1.5rem; }
@media (max-width: 480px) { .card { margin:1rem auto; padding:1.25rem 1rem; } }
h1 { font-size:1.25rem; margin:0 0 .25rem; }
.price { font-size:1.75rem; font-weight:700; margin:.5rem 0 1rem; }
.muted { color:var(--muted); font-size:13px; }
label { display:block; font-size:13px; font-weight:600; margin:.75rem 0 .25rem; }
input { width:100%; padding:.6rem .7rem; border:1px solid var(--line); border-radius:8px; background:transparent; color:inherit; font-size:15px; }
.row { display:flex; gap:.75rem; } .row > div { flex:1; }
button { width:100%; margin-top:1.25rem; padding:.75rem; border:0; border-radius:8px; background:var(--accent); color:#fff; font-weight:600; font-size:15px; cursor:pointer; }
button.secondary { background:transparent; color:var(--fg); border:1px solid var(--line); }
.alert { border-radius:8px; padding:.6rem .8rem; margin:.75rem 0; font-size:14px; border:1px solid; }
.alert.error { color:var(--error); border-color:var(--error); } .alert.warn { color:var(--warn); border-color:var(--warn); }
table { width:100%; border-collapse:collapse; font-size:13px; margin-top:1rem; }
th, td { padding:.35rem 0; border-top:1px solid var(--line); text-align:left; vertical-align:top; }
th { font-weight:600; color:var(--muted); }
/* A gap between the columns, so a card number never runs into what it does. */
th + th, td + td { padding-left:1rem; }
.cards td:first-child { white-space:nowrap; }
code { font-size:13px; }
`;
