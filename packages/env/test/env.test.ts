import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, envFields, loadSecret, parseEnv } from "../src/index.ts";

describe("parseEnv", () => {
  const schema = z.object({ PORT: envFields.port(8787), PUBLIC_URL: envFields.httpUrl("http://localhost:8787") });

  it("applies defaults and coerces values", () => {
    expect(parseEnv(schema, {})).toEqual({ PORT: 8787, PUBLIC_URL: "http://localhost:8787" });
    expect(parseEnv(schema, { PORT: "9000", PUBLIC_URL: "https://api.example.com/" })).toEqual({
      PORT: 9000,
      PUBLIC_URL: "https://api.example.com",
    });
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv(schema, { PORT: "", PUBLIC_URL: "" })).toEqual({ PORT: 8787, PUBLIC_URL: "http://localhost:8787" });
  });

  it("names every bad variable", () => {
    const attempt = () => parseEnv(schema, { PORT: "eighty", PUBLIC_URL: "ftp://x" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/PUBLIC_URL/);
  });
});

describe("loadSecret", () => {
  it("prefers the environment's value", () => {
    expect(loadSecret("API_KEY", mkdtempSync(path.join(tmpdir(), "nexis-env-")), "from-env")).toBe("from-env");
  });

  it("generates a secret once, privately, and returns the same value afterwards", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nexis-env-"));
    const first = loadSecret("API_KEY", dir);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(loadSecret("API_KEY", dir)).toBe(first);
    const file = path.join(dir, "secrets", "API_KEY");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("refuses names that could escape the secrets folder", () => {
    expect(() => loadSecret("../etc/passwd", mkdtempSync(path.join(tmpdir(), "nexis-env-")))).toThrow(/Invalid/);
  });
});
