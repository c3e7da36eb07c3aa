import { describe, expect, it } from "vitest";
import { cameOverTls, contentSecurityPolicy, nextSecurityHeaders, originOf, securityHeaderRecord } from "../src/index.ts";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("allows only the page's own origin by default and is never framed", () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, "default-src")).toBe("default-src 'self'");
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("lets the page call the API server and Sentry's ingest by origin, never with the DSN's key", () => {
    const policy = contentSecurityPolicy({ connect: ["http://localhost:8787/", "https://publickey@o1.ingest.sentry.io/42", undefined, ""] });
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' http://localhost:8787 https://o1.ingest.sentry.io");
    expect(policy).not.toContain("publickey");
  });

  it("adds inline scripts where the framework needs them, and eval and WebSockets on development servers only", () => {
    expect(directive(contentSecurityPolicy({ inlineScripts: true }), "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    const development = contentSecurityPolicy({ development: true });
    expect(directive(development, "script-src")).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(directive(development, "connect-src")).toBe("connect-src 'self' ws: wss:");
  });
});

describe("security headers", () => {
  it("carry CSP, no framing, no sniffing and a strict referrer policy, without HSTS", () => {
    const headers = securityHeaderRecord();
    expect(headers).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  it("add HSTS for Next.js only when the proxy says the request came over HTTPS", () => {
    const [all, tls] = nextSecurityHeaders();
    expect(all?.headers.map((header) => header.key)).not.toContain("Strict-Transport-Security");
    expect(tls?.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
    expect(tls?.headers).toEqual([{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]);
  });

  it("tell TLS from plain HTTP by the socket or the first X-Forwarded-Proto", () => {
    expect(cameOverTls(true, undefined)).toBe(true);
    expect(cameOverTls(false, "https, http")).toBe(true);
    expect(cameOverTls(false, "http")).toBe(false);
    expect(cameOverTls(false, undefined)).toBe(false);
    expect(originOf("not a url")).toBeUndefined();
  });
});
