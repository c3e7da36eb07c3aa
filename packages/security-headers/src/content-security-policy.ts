/** What a page may load besides its own origin; everything else is refused. */
export interface ContentSecurityPolicyOptions {
  /** Origins the page calls (fetch, EventSource, WebSocket): the API server, Sentry's ingest. */
  connect?: readonly (string | undefined)[];
  /** Origins its images, audio and video come from (the API server's media). */
  media?: readonly (string | undefined)[];
  /**
   * Inline `<script>`s: Next.js and TanStack Start write their hydration data into the page as
   * inline scripts, so those apps need them; a static site does not.
   */
  inlineScripts?: boolean;
  /** A development server: hot reload evaluates modules and talks over a WebSocket. */
  development?: boolean;
}

/**
 * The origin of a URL, for a CSP source list: `https://key@o1.ingest.sentry.io/1` becomes
 * `https://o1.ingest.sentry.io`. Empty, missing or unparsable values give undefined.
 */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const present = (values: readonly (string | undefined)[] = []) => [...new Set(values.map(originOf).filter((value): value is string => value !== undefined))];

/**
 * A Content-Security-Policy for one of our web apps: own origin by default, no plugins, no
 * `<base>` hijack, and never framed (`frame-ancestors 'none'`, the modern X-Frame-Options).
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const development = options.development ?? false;
  const script = ["'self'", ...(options.inlineScripts || development ? ["'unsafe-inline'"] : []), ...(development ? ["'unsafe-eval'"] : [])];
  const connect = ["'self'", ...present(options.connect), ...(development ? ["ws:", "wss:"] : [])];
  const media = present(options.media);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": script,
    // Components set inline styles (toasts, Tailwind's dev server, Astro's inlined CSS).
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...media],
    "media-src": ["'self'", "blob:", ...media],
    "font-src": ["'self'", "data:"],
    "connect-src": connect,
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
