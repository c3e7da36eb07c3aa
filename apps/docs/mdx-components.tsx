import defaultMdxComponents from "fumadocs-ui/mdx";
import type { MDXComponents } from "mdx/types";
import { EnvTable } from "@/components/env-table";

/**
 * The components MDX pages render with: Fumadocs' defaults (code blocks, callouts, cards…) and
 * `<EnvTable />`, the configuration reference generated from .env.example.
 */
export function getMDXComponents(components?: MDXComponents): MDXComponents {
  return {
    ...defaultMdxComponents,
    EnvTable,
    ...components,
  };
}
