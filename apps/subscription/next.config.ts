import path from "node:path";
import { nextSecurityHeaders } from "@nexis/security-headers";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
// Validates the environment as soon as Next.js loads its config.
import "./src/env.ts";

// The pnpm workspace root: Next.js traces files and resolves workspace packages from there.
const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * The portal's browser code talks only to the portal (server actions): the API and Sentry are
 * called from its server. Next.js writes its hydration data as inline scripts.
 */
const nextConfig = (phase: string): NextConfig => ({
  // Workspace packages ship TypeScript sources.
  transpilePackages: ["@nexis/ui", "@nexis/env", "@nexis/plans", "@nexis/i18n"],
  poweredByHeader: false,
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  headers: async () => nextSecurityHeaders({ inlineScripts: true, development: phase === PHASE_DEVELOPMENT_SERVER }),
});

export default nextConfig;
