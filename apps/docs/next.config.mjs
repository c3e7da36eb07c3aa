import { nextSecurityHeaders } from "@nexis/security-headers";
import { createMDX } from "fumadocs-mdx/next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

/**
 * The API reference's playground calls the WhatsApp service from the browser, at the server the
 * samples name (lib/openapi.ts's default); Next.js writes its hydration data as inline scripts.
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
const config = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // The plan catalogue is a workspace package that ships its TypeScript source.
  transpilePackages: ["@nexis/plans"],
  headers: async () => nextSecurityHeaders({ connect: ["http://localhost:8788"], inlineScripts: true, development: phase === PHASE_DEVELOPMENT_SERVER }),
});

// Compiles content/docs through source.config.ts into .source/ on dev and build.
const withMDX = createMDX();

/** @param {string} phase */
export default (phase) => withMDX(config(phase));
