import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { composeSchema, type ComposeFile, type ComposeService } from "./compose-schema.ts";
import { documentedVariables, interpolatedVariables } from "./interpolation.ts";

export interface ComposeCheck {
  /** The services the file declares. */
  services: string[];
  /** What is wrong, one sentence each; empty when the file passes. */
  problems: string[];
}

export interface ComposeCheckOptions {
  /** The compose file. */
  file: string;
  /** The file documenting every variable; default `.env.example` beside the compose file. */
  envExample?: string;
  /** Also require a health check on every service (NexisChat's own file does). */
  requireHealthchecks?: boolean;
}

/** Every string in a parsed YAML value (mapping keys included), for finding `${VAR}` uses. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}

function dependencies(service: ComposeService): Map<string, string | undefined> {
  const dependsOn = service.depends_on;
  if (!dependsOn) return new Map();
  if (Array.isArray(dependsOn)) return new Map(dependsOn.map((name) => [name, undefined]));
  return new Map(Object.entries(dependsOn).map(([name, settings]) => [name, settings.condition]));
}

/** The published host port of a `ports` entry (short or long syntax), or null when none is published. */
function publishedPort(entry: NonNullable<ComposeService["ports"]>[number]): string | null {
  if (typeof entry === "number") return null;
  if (typeof entry === "object") return entry.published === undefined ? null : `${entry.host_ip ?? "0.0.0.0"}:${String(entry.published)}`;
  const parts = entry.replace(/\/(tcp|udp)$/, "").split(":");
  if (parts.length < 2) return null;
  const host = parts.length >= 3 ? parts.slice(0, -2).join(":") : "0.0.0.0";
  return `${host}:${parts.at(-2) ?? ""}`;
}

/** Whether the service has a health check, in the compose file or in its image's Dockerfile. */
function hasHealthcheck(service: ComposeService, root: string): boolean {
  if (service.healthcheck && !service.healthcheck.disable) return true;
  const dockerfile = dockerfileOf(service, root);
  return Boolean(dockerfile && existsSync(dockerfile) && /^\s*HEALTHCHECK\s+(?!NONE)/im.test(readFileSync(dockerfile, "utf8")));
}

function dockerfileOf(service: ComposeService, root: string): string | null {
  if (!service.build) return null;
  const build = typeof service.build === "string" ? { context: service.build } : service.build;
  const context = path.resolve(root, build.context ?? ".");
  return path.resolve(context, build.dockerfile ?? "Dockerfile");
}

/** Files a Dockerfile copies from the build context (`COPY`/`ADD` without `--from`), globs left out. */
function copiedSources(dockerfile: string): string[] {
  const sources: string[] = [];
  for (const line of readFileSync(dockerfile, "utf8").split("\n")) {
    const match = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line);
    if (!match?.[1] || /--from=/.test(match[1])) continue;
    const words = match[1].split(/\s+/).filter((word) => word && !word.startsWith("--"));
    sources.push(...words.slice(0, -1).filter((word) => !/[*?[]/.test(word) && !word.startsWith("$")));
  }
  return sources;
}

/**
 * Checks a Compose file without Docker: every service has an image or a build whose Dockerfile
 * (and what it copies) exists; every env_file, bind-mounted file and config/secret file exists;
 * every depends_on target exists, is active in the same profiles, and has a health check when
 * the condition waits for one; no two services publish the same host port; every named volume
 * is declared; every interpolated `${VAR}` is documented in .env.example; with
 * `requireHealthchecks`, every service has a health check.
 */
export function validateComposeFile(options: ComposeCheckOptions): ComposeCheck {
  const root = path.dirname(path.resolve(options.file));
  const envExample = options.envExample ?? path.join(root, ".env.example");
  const problems: string[] = [];
  const relative = (file: string) => path.relative(root, file) || ".";

  const raw: unknown = parse(readFileSync(options.file, "utf8"), { merge: true });
  const parsed = composeSchema.safeParse(raw);
  if (!parsed.success) {
    return { services: [], problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`) };
  }
  const compose: ComposeFile = parsed.data;
  const names = Object.keys(compose.services);
  const declaredVolumes = new Set(Object.keys(compose.volumes ?? {}));
  const hostPorts = new Map<string, string>();

  for (const [name, service] of Object.entries(compose.services)) {
    if (!service.image && !service.build) problems.push(`${name}: has neither image nor build`);
    if (options.requireHealthchecks && !hasHealthcheck(service, root)) problems.push(`${name}: has no health check (in the file or its Dockerfile)`);

    const dockerfile = dockerfileOf(service, root);
    if (dockerfile && !existsSync(dockerfile)) problems.push(`${name}: its Dockerfile ${relative(dockerfile)} does not exist`);
    if (dockerfile && existsSync(dockerfile)) {
      const context = path.resolve(root, typeof service.build === "string" ? service.build : (service.build?.context ?? "."));
      for (const source of copiedSources(dockerfile)) {
        if (!existsSync(path.resolve(context, source))) problems.push(`${name}: ${relative(dockerfile)} copies ${source}, which does not exist`);
      }
    }

    const envFiles = service.env_file === undefined ? [] : [service.env_file].flat();
    for (const entry of envFiles) {
      const { path: file, required } = typeof entry === "string" ? { path: entry, required: true } : entry;
      if (required !== false && !existsSync(path.resolve(root, file))) problems.push(`${name}: env_file ${file} does not exist`);
    }

    for (const mount of service.volumes ?? []) {
      const source = typeof mount === "string" ? (mount.split(":").length > 1 ? mount.split(":")[0] : undefined) : mount.source;
      if (!source) continue;
      if (/^[./~]/.test(source)) {
        if (!existsSync(path.resolve(root, source))) problems.push(`${name}: mounts ${source}, which does not exist`);
      } else if (!declaredVolumes.has(source)) {
        problems.push(`${name}: uses the volume ${source}, which the top-level volumes do not declare`);
      }
    }

    for (const [target, condition] of dependencies(service)) {
      const dependency = compose.services[target];
      if (!dependency) {
        problems.push(`${name}: depends on ${target}, which is not a service`);
        continue;
      }
      // Compose refuses to start a service whose dependency its active profiles leave out.
      const ownProfiles = service.profiles ?? [];
      const targetProfiles = dependency.profiles ?? [];
      const alwaysThere = targetProfiles.length === 0 || (ownProfiles.length > 0 && ownProfiles.every((profile) => targetProfiles.includes(profile)));
      if (!alwaysThere) problems.push(`${name}: depends on ${target}, which is not started in the same profiles`);
      if (condition === "service_healthy" && !hasHealthcheck(dependency, root)) problems.push(`${name}: waits for ${target} to be healthy, but ${target} has no health check`);
    }

    for (const entry of service.ports ?? []) {
      const published = publishedPort(entry);
      if (!published) continue;
      const port = published.split(":").at(-1) ?? "";
      const clash = [...hostPorts].find(([other]) => other.split(":").at(-1) === port && (other.startsWith("0.0.0.0:") || published.startsWith("0.0.0.0:") || other === published));
      if (clash) problems.push(`${name}: publishes host port ${port}, which ${clash[1]} publishes too`);
      else hostPorts.set(published, name);
    }
  }

  for (const [kind, entries] of [["configs", compose.configs], ["secrets", compose.secrets]] as const) {
    for (const [name, reference] of Object.entries(entries ?? {})) {
      if (reference?.file && !existsSync(path.resolve(root, reference.file))) problems.push(`${kind}.${name}: the file ${reference.file} does not exist`);
    }
  }

  if (!existsSync(envExample)) {
    problems.push(`${relative(envExample)} does not exist, so the variables cannot be checked`);
  } else {
    const documented = documentedVariables(readFileSync(envExample, "utf8"));
    const used = new Set(stringsIn(raw).flatMap((text) => [...interpolatedVariables(text)]));
    for (const variable of used) {
      if (!documented.has(variable)) problems.push(`\${${variable}} is used but ${relative(envExample)} does not document it`);
    }
  }

  return { services: names, problems };
}
