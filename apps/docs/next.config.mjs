import { createMDX } from "fumadocs-mdx/next";

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  // The plan catalogue is a workspace package that ships its TypeScript source.
  transpilePackages: ["@nexis/plans"],
};

// Compiles content/docs through source.config.ts into .source/ on dev and build.
const withMDX = createMDX();

export default withMDX(config);
