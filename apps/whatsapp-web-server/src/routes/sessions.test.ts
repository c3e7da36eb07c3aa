import { describe, expect, test } from "bun:test";
import { api, closeTestRuntime, createTempDataDir, createTestApp, createTestRuntime, request, waitFor } from "../test-helpers.ts";
import { createApp } from "../app.ts";
import { testApiKey } from "../test-helpers.ts";

type Json = Record<string, unknown>;

async function status(app: ReturnType<typeof createTestApp>, name: string) {
  const response = await api(app, "GET", `/api/sessions/${name}`);
  return ((await response.json()) as Json).status;
}

describe("POST /api/sessions", () => {
  test("creates and starts a session: 201 SessionDTO, then STARTING → SCAN_QR_CODE", async () => {
    const app = createTestApp();
    const response = await api(app, "POST", "/api/sessions", { name: "alpha", config: { metadata: { "user.id": "7" } } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: "alpha", status: "STARTING", config: { metadata: { "user.id": "7" } } });
    await waitFor(async () => (await status(app, "alpha")) === "SCAN_QR_CODE", 2_000, "SCAN_QR_CODE");
  });

  test("with start: false stays STOPPED", async () => {
    const app = createTestApp();
    const response = await api(app, "POST", "/api/sessions", { name: "idle", start: false });
    expect(await response.json()).toMatchObject({ name: "idle", status: "STOPPED" });
  });

  test("generates a name when none is given", async () => {
    const app = createTestApp();
    const body = (await (await api(app, "POST", "/api/sessions", { start: false })).json()) as Json;
    expect(body.name).toMatch(/^session_[0-9a-f]{12}$/);
  });

  test("refuses an existing name with 422", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "twice", start: false });
    const response = await api(app, "POST", "/api/sessions", { name: "twice" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, message: "Session 'twice' already exists. Use PUT to update it." });
  });

  test("refuses bad names and malformed bodies with 400 and a message", async () => {
    const app = createTestApp();
    for (const name of ["../etc", "a/b", "a b", "", "x".repeat(65), "%2e%2e"]) {
      const response = await api(app, "POST", "/api/sessions", { name });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).message).toContain("name");
    }
    const badWebhook = await api(app, "POST", "/api/sessions", { name: "w", config: { webhooks: [{ url: "ftp://x", events: ["message"] }] } });
    expect(badWebhook.status).toBe(400);
    expect(((await badWebhook.json()) as Json).message).toContain("config.webhooks.0.url");
    const badPolicy = await api(app, "POST", "/api/sessions", {
      name: "w",
      config: { webhooks: [{ url: "http://localhost/x", events: ["message"], retries: { policy: "random" } }] },
    });
    expect(badPolicy.status).toBe(400);
    const notJson = await request(app, "/api/sessions", {
      method: "POST",
      headers: { "X-Api-Key": testApiKey, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ statusCode: 400 });
  });

  test("needs the API key", async () => {
    const response = await request(createTestApp(), "/api/sessions", { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });
});

describe("GET /api/sessions", () => {
  test("lists running sessions; all=true adds the STOPPED ones", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "on" });
    await api(app, "POST", "/api/sessions", { name: "off", start: false });
    const running = (await (await api(app, "GET", "/api/sessions")).json()) as Json[];
    expect(running.map((session) => session.name)).toEqual(["on"]);
    const all = (await (await api(app, "GET", "/api/sessions?all=true")).json()) as Json[];
    expect(all.map((session) => session.name).sort()).toEqual(["off", "on"]);
    expect(all.find((session) => session.name === "off")).toMatchObject({
      status: "STOPPED",
      presence: null,
      timestamps: { activity: null },
      engine: { engine: "SANDBOX" },
    });
  });
});

describe("GET/PUT/DELETE /api/sessions/{session}", () => {
  test("unknown session: 404 JSON", async () => {
    const response = await api(createTestApp(), "GET", "/api/sessions/ghost");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, error: "Not Found" });
  });

  test("a name with path tricks in the URL: 400", async () => {
    const app = createTestApp();
    for (const path of ["/api/sessions/..%2F..%2Fetc", "/api/sessions/a%20b/start", "/api/sessions/%00/me", "/api/sessions/a.b"]) {
      const method = path.endsWith("/start") ? "POST" : "GET";
      const response = await api(app, method, path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, message: expect.stringContaining("Session name") });
    }
    // Dot segments are resolved by URL parsing before routing: they never reach a session.
    const dots = await api(app, "GET", "/api/sessions/%2e%2e/me");
    expect(dots.status).toBe(404);
    expect(await dots.json()).toMatchObject({ statusCode: 404 });
  });

  test("PUT replaces the config", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "cfg", start: false });
    const response = await api(app, "PUT", "/api/sessions/cfg", { config: { metadata: { a: "b" } } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "cfg", status: "STOPPED", config: { metadata: { a: "b" } } });
    expect((await api(app, "PUT", "/api/sessions/nope", { config: {} })).status).toBe(404);
  });

  test("DELETE removes the session and is idempotent", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "gone" });
    expect((await api(app, "DELETE", "/api/sessions/gone")).status).toBe(200);
    expect((await api(app, "GET", "/api/sessions/gone")).status).toBe(404);
    expect((await api(app, "DELETE", "/api/sessions/gone")).status).toBe(200);
  });
});

describe("POST /api/sessions/{session}/start|stop|restart|logout", () => {
  test("move the session through its statuses with 201 SessionDTO", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "life", start: false });
    const started = await api(app, "POST", "/api/sessions/life/start");
    expect(started.status).toBe(201);
    expect(await started.json()).toMatchObject({ name: "life", status: "STARTING" });
    await waitFor(async () => (await status(app, "life")) === "SCAN_QR_CODE");
    const stopped = await api(app, "POST", "/api/sessions/life/stop");
    expect(stopped.status).toBe(201);
    expect(await stopped.json()).toMatchObject({ status: "STOPPED" });
    const restarted = await api(app, "POST", "/api/sessions/life/restart");
    expect(await restarted.json()).toMatchObject({ status: "STARTING" });
    await waitFor(async () => (await status(app, "life")) === "SCAN_QR_CODE");
    expect((await api(app, "POST", "/api/sessions/nope/start")).status).toBe(404);
  });

  test("logout unlinks a WORKING session and starts it again to show a new QR", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "out" });
    await waitFor(async () => (await status(app, "out")) === "SCAN_QR_CODE");
    expect((await api(app, "POST", "/api/sandbox/out/scan")).status).toBe(201);
    expect(await status(app, "out")).toBe("WORKING");
    const response = await api(app, "POST", "/api/sessions/out/logout");
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "STARTING" });
    await waitFor(async () => (await status(app, "out")) === "SCAN_QR_CODE");
    expect((await api(app, "GET", "/api/sessions/out/me")).status).toBe(404);
  });
});

describe("GET /api/sessions/{session}/me", () => {
  test("returns the simulated account once linked", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "meme" });
    await waitFor(async () => (await status(app, "meme")) === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/meme/scan");
    const response = await api(app, "GET", "/api/sessions/meme/me");
    expect(response.status).toBe(200);
    const me = (await response.json()) as Json;
    expect(me).toEqual({ id: expect.stringMatching(/^1555\d{7}@c\.us$/), pushName: "Sandbox meme" });
    // Deterministic: the same session name links to the same number.
    const again = createTestApp();
    await api(again, "POST", "/api/sessions", { name: "meme" });
    await waitFor(async () => (await status(again, "meme")) === "SCAN_QR_CODE");
    await api(again, "POST", "/api/sandbox/meme/scan");
    expect(await (await api(again, "GET", "/api/sessions/meme/me")).json()).toEqual(me);
  });
});

describe("the sessions registry", () => {
  test("survives a restart: names, configs and a linked session come back WORKING", async () => {
    const dataDir = createTempDataDir();
    const first = createTestRuntime({ dataDir });
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: first });
    await api(app, "POST", "/api/sessions", { name: "keep", config: { metadata: { team: "a" } } });
    await api(app, "POST", "/api/sessions", { name: "parked", start: false });
    await waitFor(async () => (await status(app, "keep")) === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/keep/scan");
    await closeTestRuntime(first);

    const second = createTestRuntime({ dataDir });
    await second.start();
    const restarted = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: second });
    await waitFor(async () => (await status(restarted, "keep")) === "WORKING", 2_000, "WORKING after restart");
    expect(await (await api(restarted, "GET", "/api/sessions/keep")).json()).toMatchObject({ config: { metadata: { team: "a" } } });
    expect(await status(restarted, "parked")).toBe("STOPPED");
  });
});

describe("engines", () => {
  test("a session on an engine not built yet answers 501 JSON", async () => {
    const response = await api(createTestApp(), "POST", "/api/sessions", { name: "web", config: { engine: "WEBJS" } });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({
      statusCode: 501,
      message: "The WEBJS engine does not implement sessions (the engine is not available yet)",
      error: "Not Implemented",
    });
  });
});
