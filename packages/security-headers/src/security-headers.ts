import { contentSecurityPolicy, type ContentSecurityPolicyOptions } from "./content-security-policy.ts";

/** One response header, in the `{ key, value }` shape Next.js' `headers()` takes. */
export interface HeaderEntry {
  key: string;
  value: string;
}

/**
 * Sent only over TLS (directly or behind a proxy that says `X-Forwarded-Proto: https`), as the
 * API server does: over plain HTTP on `localhost` it would lock browsers out of the other apps.
 */
export const strictTransportSecurity: HeaderEntry = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/** The headers every page of every app carries: CSP, no framing, no sniffing, no full referrers. */
export function securityHeaders(options: ContentSecurityPolicyOptions = {}): HeaderEntry[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
}

/** The same headers as a plain object (Astro's `server.headers`, Node's `setHeader`). */
export function securityHeaderRecord(options: ContentSecurityPolicyOptions = {}): Record<string, string> {
  return Object.fromEntries(securityHeaders(options).map(({ key, value }) => [key, value]));
}

/** Whether a request reached us over TLS: the socket's own, or the proxy's `X-Forwarded-Proto`. */
export function cameOverTls(encryptedSocket: boolean, forwardedProto: string | string[] | undefined): boolean {
  const first = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(",")[0]?.trim();
  return encryptedSocket || first === "https";
}

/**
 * Next.js' `headers()` rules: the security headers on every path, plus HSTS when the proxy in
 * front says the request came over HTTPS (`next start` itself serves plain HTTP).
 */
export function nextSecurityHeaders(options: ContentSecurityPolicyOptions = {}) {
  return [
    { source: "/:path*", headers: securityHeaders(options) },
    { source: "/:path*", has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [strictTransportSecurity] },
  ];
}
