import { expect } from "vitest";

/**
 * The headers every web app sends (`@nexis/security-headers`), checked on a real answer: a CSP
 * that forbids framing, no sniffing, a referrer policy, and no HSTS over plain HTTP.
 */
export function expectSecurityHeaders(headers: Headers | Record<string, string>, app: string) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name] ?? null));
  const policy = get("content-security-policy") ?? "";
  expect(policy, `${app} CSP`).toContain("default-src 'self'");
  expect(policy, `${app} CSP`).toContain("frame-ancestors 'none'");
  expect(policy, `${app} CSP`).toContain("object-src 'none'");
  expect(get("x-frame-options"), `${app} X-Frame-Options`).toBe("DENY");
  expect(get("x-content-type-options"), `${app} X-Content-Type-Options`).toBe("nosniff");
  expect(get("referrer-policy"), `${app} Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(get("strict-transport-security"), `${app} HSTS over plain HTTP`).toBeNull();
}

/** HSTS appears only when a TLS proxy in front says the request came over HTTPS. */
export async function expectHstsBehindTls(url: string) {
  const direct = await fetch(url);
  expect(direct.headers.get("strict-transport-security"), `${url} over plain HTTP`).toBeNull();
  const proxied = await fetch(url, { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers.get("strict-transport-security"), `${url} behind a TLS proxy`).toMatch(/^max-age=\d+/);
}
