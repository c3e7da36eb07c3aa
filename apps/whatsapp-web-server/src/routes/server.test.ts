import { describe, expect, test } from "bun:test";
import { createTestApp, request, testApiKey } from "../test-helpers.ts";
import { appVersion } from "../version.ts";

describe("GET /ping", () => {
  test("answers WAHA's PingResponse without a key", async () => {
    const response = await request(createTestApp(), "/ping");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toStartWith("application/json");
    expect(await response.json()).toEqual({ message: "pong" });
  });
});

describe("GET /health", () => {
  test("reports ok with each check under info and details, without a key", async () => {
    const app = createTestApp({ healthChecks: { storage: () => ({ status: "up" }) } });
    const response = await request(app, "/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      info: { storage: { status: "up" } },
      error: {},
      details: { storage: { status: "up" } },
    });
  });

  test("answers 503 with the failing check under error", async () => {
    const app = createTestApp({
      healthChecks: {
        storage: () => ({ status: "up" }),
        browser: () => {
          throw new Error("Chromium not found");
        },
      },
    });
    const response = await request(app, "/health");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "error",
      info: { storage: { status: "up" } },
      error: { browser: { status: "down", message: "Chromium not found" } },
      details: { storage: { status: "up" }, browser: { status: "down", message: "Chromium not found" } },
    });
  });
});

describe("GET /api/server/version", () => {
  test("answers 401 JSON without a key", async () => {
    const response = await request(createTestApp(), "/api/server/version");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized", statusCode: 401 });
  });

  test("answers 401 JSON with a wrong key, whatever its length", async () => {
    for (const key of ["wrong", `${testApiKey}x`, testApiKey.slice(0, -1), ""]) {
      const response = await request(createTestApp(), "/api/server/version", { headers: { "X-Api-Key": key } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized", statusCode: 401 });
    }
  });

  test("answers WAHAEnvironment with the right key", async () => {
    const response = await request(createTestApp(), "/api/server/version", { headers: { "X-Api-Key": testApiKey } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    // The required fields of openapi.json's WAHAEnvironment schema, and nothing else.
    expect(Object.keys(body).sort()).toEqual(["browser", "engine", "platform", "tier", "version", "worker"]);
    expect(body).toEqual({
      version: appVersion,
      engine: "SANDBOX",
      tier: "CORE",
      browser: null,
      platform: `${process.platform}/${process.arch}`,
      worker: { id: null },
    });
  });

  test("reports the browser path when the engine is WEBJS", async () => {
    const app = createTestApp({ engine: "WEBJS", browserPath: "/usr/bin/chromium" });
    const response = await request(app, "/api/server/version", { headers: { "x-api-key": testApiKey } });
    expect(await response.json()).toMatchObject({ engine: "WEBJS", browser: "/usr/bin/chromium" });
  });
});
