import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadServerEnv } from "../src/env.ts";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "nexis-server-env-"));

describe("server environment", () => {
  it("runs with nothing configured, generating the shared WhatsApp API key and the auth secret", () => {
    const env = loadServerEnv({ DATA_DIR: dataDir() });
    expect(env.SERVER_PORT).toBe(8787);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.corsOrigins).toEqual(["http://localhost:3000", "http://localhost:3001"]);
    expect(env.whatsappApiKey).toHaveLength(43);
    expect(env.authSecret).toHaveLength(43);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it("names the bad variable", () => {
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), SERVER_PORT: "http" })).toThrow(/SERVER_PORT/);
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), BETTER_AUTH_SECRET: "too short" })).toThrow(/BETTER_AUTH_SECRET/);
  });

  it("adds extra CORS origins", () => {
    const env = loadServerEnv({ DATA_DIR: dataDir(), CORS_ORIGINS: "https://inbox.example.com, https://b.example.com" });
    expect(env.corsOrigins).toContain("https://b.example.com");
  });
});
