import { z } from "zod";

// The part of the Compose file format (https://compose-spec.io) the structural check reads. Loose
// on purpose: keys it does not know pass through, and Docker itself validates the rest.

const stringList = z.array(z.string());

const buildSchema = z.union([
  z.string(),
  z.object({ context: z.string().optional(), dockerfile: z.string().optional(), args: z.record(z.string(), z.unknown()).optional() }).loose(),
]);

const envFileSchema = z.union([
  z.string(),
  z.array(z.union([z.string(), z.object({ path: z.string(), required: z.boolean().optional() }).loose()])),
]);

const portSchema = z.union([
  z.string(),
  z.number(),
  z.object({ target: z.union([z.number(), z.string()]), published: z.union([z.number(), z.string()]).optional(), host_ip: z.string().optional() }).loose(),
]);

const volumeMountSchema = z.union([z.string(), z.object({ type: z.string().optional(), source: z.string().optional(), target: z.string() }).loose()]);

const dependsOnSchema = z.union([stringList, z.record(z.string(), z.object({ condition: z.string().optional() }).loose())]);

export const serviceSchema = z
  .object({
    image: z.string().optional(),
    build: buildSchema.optional(),
    profiles: stringList.optional(),
    env_file: envFileSchema.optional(),
    ports: z.array(portSchema).optional(),
    volumes: z.array(volumeMountSchema).optional(),
    depends_on: dependsOnSchema.optional(),
    healthcheck: z.object({ test: z.union([z.string(), stringList]).optional(), disable: z.boolean().optional() }).loose().optional(),
  })
  .loose();

const fileReferenceSchema = z.object({ file: z.string().optional() }).loose().nullable();

export const composeSchema = z
  .object({
    name: z.string().optional(),
    services: z.record(z.string(), serviceSchema),
    volumes: z.record(z.string(), z.unknown().nullable()).optional(),
    configs: z.record(z.string(), fileReferenceSchema).optional(),
    secrets: z.record(z.string(), fileReferenceSchema).optional(),
  })
  .loose();

export type ComposeFile = z.infer<typeof composeSchema>;
export type ComposeService = z.infer<typeof serviceSchema>;
