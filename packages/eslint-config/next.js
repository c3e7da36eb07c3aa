// @ts-check
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";
import { reactConfig } from "./react.js";

/** React rules plus Next.js' own (core web vitals), for the Next.js apps. */
export const nextConfig = tseslint.config(...reactConfig, {
  plugins: { "@next/next": nextPlugin },
  rules: {
    ...nextPlugin.configs.recommended.rules,
    ...nextPlugin.configs["core-web-vitals"].rules,
  },
});

export default nextConfig;
