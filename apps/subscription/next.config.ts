import path from "node:path";
import { nextSecurityHeaders } from "@nexis/security-headers";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
// Validates the environment as soon as Next.js loads its config.
import { env } from "./src/env.ts";

// The pnpm workspace root: Next.js traces files and resolves workspace packages from there.
const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * The portal's browser code talks only to the portal (server actions) and, when a DSN is set, to
 * Sentry: the API is called from its server. Next.js writes its hydration data as inline scripts.
 */
const nextConfig = (phase: string): NextConfig => ({
  // Workspace packages ship TypeScript sources.
  transpilePackages: ["@nexis/ui", "@nexis/env", "@nexis/plans", "@nexis/i18n"],
  poweredByHeader: false,
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  // The browser SDK's DSN (src/instrumentation-client.ts): one variable configures both sides.
  env: { NEXT_PUBLIC_SENTRY_DSN: env.SENTRY_DSN ?? "" },
  headers: async () => nextSecurityHeaders({ inlineScripts: true, connect: [env.SENTRY_DSN], development: phase === PHASE_DEVELOPMENT_SERVER }),
});

export default nextConfig;
