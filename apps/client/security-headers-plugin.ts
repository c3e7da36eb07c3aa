import { mkdirSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { cameOverTls, type ContentSecurityPolicyOptions, securityHeaders, strictTransportSecurity } from "@nexis/security-headers";
import type { Connect, Plugin } from "vite";

/**
 * Sets the shared security headers (`@nexis/security-headers`) on every answer of `vite dev` and
 * `vite preview`, which serve the client's pages (TanStack Start renders them in the same server),
 * and HSTS when the request came over TLS. A build also writes them to `dist/security-headers.json`
 * for the production server of the container image (deploy/client/serve.mjs).
 */
export function securityHeadersPlugin(policy: { production: ContentSecurityPolicyOptions; development: ContentSecurityPolicyOptions }): Plugin {
  const middleware =
    (options: ContentSecurityPolicyOptions): Connect.NextHandleFunction =>
    (request: IncomingMessage, response: ServerResponse, next) => {
      for (const { key, value } of securityHeaders(options)) response.setHeader(key, value);
      if (cameOverTls((request.socket as Partial<TLSSocket>).encrypted === true, request.headers["x-forwarded-proto"])) {
        response.setHeader(strictTransportSecurity.key, strictTransportSecurity.value);
      }
      next();
    };
  let root = process.cwd();
  return {
    name: "nexis-security-headers",
    configResolved: (config) => void (root = config.root),
    closeBundle() {
      const dist = path.join(root, "dist");
      mkdirSync(dist, { recursive: true });
      const headers = { always: securityHeaders(policy.production), overTls: [strictTransportSecurity] };
      writeFileSync(path.join(dist, "security-headers.json"), `${JSON.stringify(headers, null, 2)}\n`);
    },
    configureServer: (server) => void server.middlewares.use(middleware(policy.development)),
    configurePreviewServer: (server) => void server.middlewares.use(middleware(policy.production)),
  };
}
