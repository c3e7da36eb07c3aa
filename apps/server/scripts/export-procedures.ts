/**
 * Writes `procedures.json`: every tRPC procedure of the app router with its type and its input as
 * JSON Schema, sorted by path. The docs render their "API (tRPC)" page from it, so the list is
 * never kept by hand. Run with `pnpm --filter server procedures:export` after changing a router.
 *
 * Importing the router is side-effect free: routers, middleware and schemas only build objects;
 * the database, Better Auth and the HTTP server are created in `src/app.ts` / `src/index.ts`,
 * which this script does not import.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AnyProcedure } from "@trpc/server";
import { z } from "zod";
import { appRouter } from "../src/trpc/routers/_app.ts";

type ProcedureType = "query" | "mutation" | "subscription";

export interface ProcedureEntry {
  path: string;
  type: ProcedureType;
  /** The input's JSON Schema (draft 2020-12), or null for a procedure without input. */
  input: Record<string, unknown> | null;
}

const outputFile = fileURLToPath(new URL("../procedures.json", import.meta.url));

/** One input parser as JSON Schema; a parser zod cannot describe becomes a plain description. */
function inputSchema(parser: unknown): Record<string, unknown> {
  if (!(parser instanceof z.ZodType)) return { description: "A custom input parser (not a zod schema); see the router's source." };
  try {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(parser, { io: "input", unrepresentable: "any" });
    return schema;
  } catch (error) {
    return { description: `An input zod cannot express as JSON Schema (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Chained `.input()` calls merge their objects, which JSON Schema says with `allOf`. */
function procedureInput(inputs: unknown[]): ProcedureEntry["input"] {
  if (inputs.length === 0) return null;
  if (inputs.length === 1) return inputSchema(inputs[0]);
  return { allOf: inputs.map(inputSchema) };
}

export function listProcedures(): ProcedureEntry[] {
  // tRPC types `_def.procedures` as the nested router record, but at run time it is flat, keyed by
  // the full dotted path ("tag.create"), which is what this list wants.
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type, input: procedureInput(procedure._def.inputs) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const procedures = listProcedures();
writeFileSync(outputFile, `${JSON.stringify(procedures, null, 2)}\n`);
console.log(`Wrote ${procedures.length} procedures to ${outputFile}`);
