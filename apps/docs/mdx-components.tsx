import defaultMdxComponents from "fumadocs-ui/mdx";
import type { MDXComponents } from "mdx/types";
import { ExtensionRoutes } from "@/components/api/extension-routes";
import { TrpcProcedures } from "@/components/api/trpc-procedures";
import { EnvTable } from "@/components/env-table";
import { PlanTable } from "@/components/plan-table";

/**
 * The components MDX pages render with: Fumadocs' defaults (code blocks, callouts, cards…) and
 * the generated references: `<EnvTable />` (from .env.example), `<TrpcProcedures />` (from the
 * API server's router), `<ExtensionRoutes />` (the WhatsApp service's extensions to WAHA) and `<PlanTable />`
 * (the plan catalogue).
 */
export function getMDXComponents(components?: MDXComponents): MDXComponents {
  return {
    ...defaultMdxComponents,
    EnvTable,
    TrpcProcedures,
    ExtensionRoutes,
    PlanTable,
    ...components,
  };
}
