import { toOpenAPISchema } from "@elysiajs/openapi";
import type { AnyElysia } from "elysia";
import { z } from "zod";
import { engineNames } from "../engines/engine-name.ts";
import { appVersion } from "../version.ts";
import wahaDocs from "../waha/operations.json" with { type: "json" };
import wahaRoutes from "../waha/routes.json" with { type: "json" };
import { EXTENSION_TAG, type ExtensionOperation, extensionOperations } from "./extension-operations.ts";

type Json = Record<string, unknown>;
type Operation = Json & { tags?: string[]; parameters?: Json[] };

const methods = ["get", "post", "put", "patch", "delete"] as const;
const wahaOperations = wahaDocs.operations as Record<string, Operation>;
const wahaPaths = new Set(wahaRoutes.routes.map((route) => `${route.method} ${route.path}`));

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" }) as Json;

function extensionOperation(operation: ExtensionOperation, generated: Operation): Operation {
  const query = operation.query
    ? Object.entries((jsonSchema(operation.query).properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
    : [];
  return {
    ...generated,
    tags: [operation.tag ?? EXTENSION_TAG],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    parameters: [...(generated.parameters ?? []), ...query],
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body) } } } } : {}),
    responses: {
      [operation.success.status]: {
        description: operation.success.description,
        ...(operation.success.contentType ? { content: { [operation.success.contentType]: {} } } : {}),
      },
    },
  };
}

/** `config.engine` is ours: WAHA picks one engine per process. */
function withEngineExtension(schemas: Record<string, Json>): Record<string, Json> {
  const config = schemas.SessionConfig as (Json & { properties: Record<string, Json> }) | undefined;
  if (!config) return schemas;
  const engine = {
    type: "string",
    enum: [...engineNames],
    description: `${EXTENSION_TAG}: the engine of this session (default WHATSAPP_ENGINE). WAHA has one engine per process.`,
    "x-nexischat-extension": true,
  };
  return { ...schemas, SessionConfig: { ...config, properties: { ...config.properties, engine } } };
}

/**
 * The OpenAPI document of what this service serves: the routes Elysia has (listed by
 * `@elysiajs/openapi`'s generator), described as WAHA documents them when they are WAHA's, and from
 * our own schemas, tagged "NexisChat extension", when they are ours. WAHA routes we answer with
 * 501 are left out. Throws when a served route has no description, so none goes undocumented.
 */
export function buildOpenApiDocument(app: AnyElysia) {
  const generated = toOpenAPISchema(app, { paths: [/^\/docs/] });
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries(generated.paths)) {
    for (const method of methods) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const waha = wahaOperations[key];
      const extension = extensionOperations[key];
      let documented: Operation;
      if (waha) documented = { ...waha, operationId: operation.operationId };
      else if (extension) documented = extensionOperation(extension, operation);
      else if (wahaPaths.has(key)) continue;
      else throw new Error(`${key} is served but not documented (add it to extension-operations.ts)`);
      if (path.startsWith("/api/")) documented.security = [{ apiKey: [] }];
      paths[path] = { ...paths[path], [method]: documented };
    }
  }
  const usedTags = new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags ?? [])));
  const wahaTags = (wahaDocs.tags as Array<{ name: string; description?: string }>).filter((tag) => usedTags.has(tag.name));
  return {
    openapi: "3.0.3",
    info: {
      title: "NexisChat WhatsApp service",
      version: appVersion,
      description: `A WAHA-compatible WhatsApp HTTP API (WAHA ${wahaDocs.wahaVersion}). Operations tagged by their WAHA tag behave as WAHA documents them; "${EXTENSION_TAG}" marks ours. WAHA routes not listed here answer 501.`,
    },
    tags: [...wahaTags, { name: EXTENSION_TAG, description: "NexisChat's additions: the SANDBOX engine's simulated phone, `/api/x/*`, and `config.engine`." }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      schemas: withEngineExtension(wahaDocs.schemas as Record<string, Json>),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
