import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { validateComposeFile } from "./validate-compose.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("docker-compose.yml", () => {
  it("passes the structural check: files, dependencies, health checks, ports, documented variables", () => {
    const { services, problems } = validateComposeFile({ file: path.join(repoRoot, "docker-compose.yml"), requireHealthchecks: true });
    expect(problems).toEqual([]);
    expect(services).toEqual(expect.arrayContaining(["postgres", "redis", "server-1", "server-2", "whatsapp-1", "whatsapp-2", "proxy", "client", "portal", "docs", "landing"]));
  });
});

describe("validateComposeFile", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A scratch project: the compose file, an .env.example and any other files given. */
  function project(compose: string, files: Record<string, string> = {}) {
    dir = mkdtempSync(path.join(tmpdir(), "nexis-compose-"));
    writeFileSync(path.join(dir, ".env.example"), "# ── Shared ──\nDOCUMENTED=1\n");
    for (const [name, text] of Object.entries({ "docker-compose.yml": compose, ...files })) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return validateComposeFile({ file: path.join(dir, "docker-compose.yml") });
  }

  it("accepts a sound file, merge keys and optional env files included", () => {
    const { problems } = project(
      [
        "x-app: &app",
        "  env_file: [{ path: .env, required: false }]",
        "services:",
        "  db: { image: postgres:16, healthcheck: { test: [CMD, pg_isready] }, ports: ['5432:5432'] }",
        "  api:",
        "    <<: *app",
        "    build: { context: ., dockerfile: api/Dockerfile }",
        "    environment: { URL: '${DOCUMENTED:-x}', PRICE: '$$5' }",
        "    depends_on: { db: { condition: service_healthy } }",
        "    ports: ['8080:8080']",
        "    volumes: [data:/data, ./config.txt:/config.txt:ro]",
        "volumes: { data: }",
      ].join("\n"),
      { "api/Dockerfile": "FROM node:22\nCOPY config.txt ./\nCOPY --from=build /out ./\nHEALTHCHECK CMD true\n", "config.txt": "x" },
    );
    expect(problems).toEqual([]);
  });

  it("names each problem: no image, missing files, unknown dependency, port clash, undocumented variable", () => {
    const { problems } = project(
      [
        "services:",
        "  nothing: { environment: { A: '${UNDOCUMENTED}' } }",
        "  api:",
        "    build: { context: ., dockerfile: missing/Dockerfile }",
        "    env_file: .env.production",
        "    depends_on: [ghost]",
        "    ports: ['3000:3000']",
        "    volumes: [./missing.conf:/etc/x.conf, undeclared:/data]",
        "  web: { image: nginx, ports: ['3000:80'] }",
      ].join("\n"),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "nothing: has neither image nor build",
        "api: its Dockerfile missing/Dockerfile does not exist",
        "api: env_file .env.production does not exist",
        "api: mounts ./missing.conf, which does not exist",
        "api: uses the volume undeclared, which the top-level volumes do not declare",
        "api: depends on ghost, which is not a service",
        "web: publishes host port 3000, which api publishes too",
        "${UNDOCUMENTED} is used but .env.example does not document it",
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("refuses a wait for health on a service without a health check, and a dependency outside the profile", () => {
    const { problems } = project(
      [
        "services:",
        "  cache: { image: redis, profiles: [cluster] }",
        "  api: { image: api, depends_on: { cache: { condition: service_healthy } } }",
        "  worker: { build: ., depends_on: { api: { condition: service_healthy } } }",
      ].join("\n"),
      { Dockerfile: "FROM node:22\nCOPY gone.mjs ./\n" },
    );
    expect(problems).toEqual([
      "api: depends on cache, which is not started in the same profiles",
      "api: waits for cache to be healthy, but cache has no health check",
      "worker: Dockerfile copies gone.mjs, which does not exist",
      "worker: waits for api to be healthy, but api has no health check",
    ]);
  });

  it("requires a health check on every service when asked, finding those in Dockerfiles", () => {
    dir = mkdtempSync(path.join(tmpdir(), "nexis-compose-"));
    writeFileSync(path.join(dir, ".env.example"), "");
    writeFileSync(path.join(dir, "Dockerfile"), "FROM node:22\nHEALTHCHECK CMD true\n");
    writeFileSync(path.join(dir, "docker-compose.yml"), "services:\n  built: { build: . }\n  bare: { image: nginx }\n");
    const { problems } = validateComposeFile({ file: path.join(dir, "docker-compose.yml"), requireHealthchecks: true });
    expect(problems).toEqual(["bare: has no health check (in the file or its Dockerfile)"]);
  });

  it("reports a file that is not a compose file", () => {
    const { problems } = project("services: [1, 2]\n");
    expect(problems).toEqual([expect.stringMatching(/^services: /)]);
  });
});
