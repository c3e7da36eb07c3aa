import path from "node:path";
import type { NextConfig } from "next";
// Validates the environment as soon as Next.js loads its config.
import "./src/env.ts";

// The pnpm workspace root: Next.js traces files and resolves workspace packages from there.
const repoRoot = path.resolve(import.meta.dirname, "../..");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript sources.
  transpilePackages: ["@nexis/ui", "@nexis/env", "@nexis/plans", "@nexis/i18n"],
  poweredByHeader: false,
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
