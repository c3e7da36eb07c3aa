import { createMDX } from "fumadocs-mdx/next";

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
};

// Compiles content/docs through source.config.ts into .source/ on dev and build.
const withMDX = createMDX();

export default withMDX(config);
