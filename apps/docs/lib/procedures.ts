import { readFileSync } from "node:fs";
import path from "node:path";
import type { TOCItemType } from "fumadocs-core/toc";
import { findRepoRoot } from "./env-reference";

/** A JSON Schema, as zod's `z.toJSONSchema` writes it. */
export type JsonSchema = Record<string, unknown>;

/** One procedure of the API server's router, as `pnpm --filter server procedures:export` lists it. */
export interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  input: JsonSchema | null;
}

/** The procedures of one domain router (`tag`, `folder`…), or the root router's own (`health`). */
export interface ProcedureGroup {
  router: string | null;
  procedures: Procedure[];
}

/** The repository's `apps/server/procedures.json`, read at build time. */
export function loadProcedures(file: string = path.join(findRepoRoot(), "apps/server/procedures.json")): Procedure[] {
  const parsed = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${file} is not a list of procedures`);
  return parsed as Procedure[];
}

/** Groups procedures by router: the root router's own first, then the routers alphabetically. */
export function groupProcedures(procedures: Procedure[]): ProcedureGroup[] {
  const groups = new Map<string | null, Procedure[]>();
  for (const procedure of procedures) {
    const dot = procedure.path.indexOf(".");
    const router = dot === -1 ? null : procedure.path.slice(0, dot);
    groups.set(router, [...(groups.get(router) ?? []), procedure]);
  }
  return [...groups]
    .map(([router, list]) => ({ router, procedures: list.sort((a, b) => a.path.localeCompare(b.path)) }))
    .sort((a, b) => (a.router === null ? -1 : b.router === null ? 1 : a.router.localeCompare(b.router)));
}

/** Heading ids on the API (tRPC) page: `#tag-create` for a procedure, `#router-tag` for a router. */
export const procedureAnchor = (path: string) => path.toLowerCase().replace(/[^a-z0-9]+/g, "-");
export const routerAnchor = (router: string | null) => `router-${procedureAnchor(router ?? "root")}`;

/** The routers as entries of the page's table of contents (the headings come from data, not MDX). */
export function procedureToc(groups: ProcedureGroup[] = groupProcedures(loadProcedures())): TOCItemType[] {
  return groups.map((group) => ({ title: group.router ?? "Root procedures", url: `#${routerAnchor(group.router)}`, depth: 3 }));
}

/** One field of an object input: its name, a short type, whether it is required, and its limits. */
export interface InputField {
  name: string;
  type: string;
  required: boolean;
  notes: string[];
  description?: string;
}

/** A short, readable type for a JSON Schema: `string`, `"owner" | "admin"`, `string[]`, `string | null`. */
export function describeType(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return "any";
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return options.map((option) => describeType(option as JsonSchema)).join(" | ");
  }
  if (schema.type === "array") return `${describeType(schema.items as JsonSchema | undefined)}[]`;
  if (schema.type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return `Record<string, ${describeType(schema.additionalProperties as JsonSchema)}>`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return typeof schema.type === "string" ? schema.type : "object";
}

/** The limits a reader needs (lengths, ranges, formats), in words. */
function limits(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (typeof schema.format === "string") notes.push(schema.format);
  if (typeof schema.minLength === "number" || typeof schema.maxLength === "number") {
    notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? "∞"} characters`);
  }
  if (typeof schema.minimum === "number" || typeof schema.maximum === "number") notes.push(`${schema.minimum ?? "−∞"}…${schema.maximum ?? "∞"}`);
  if (typeof schema.maxItems === "number") notes.push(`at most ${schema.maxItems} items`);
  if (typeof schema.minItems === "number" && schema.minItems > 0) notes.push(`at least ${schema.minItems} items`);
  if ("default" in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** The top-level fields of an object input, or null when the input is not a plain object. */
export function inputFields(schema: JsonSchema): InputField[] | null {
  if (schema.type !== "object" || typeof schema.properties !== "object" || schema.properties === null) return null;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, field]) => ({
    name,
    type: describeType(field),
    required: required.has(name),
    notes: limits(field),
    description: typeof field.description === "string" ? field.description : undefined,
  }));
}
