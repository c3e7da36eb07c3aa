import { describe, expect, test } from "bun:test";
import path from "node:path";
import { createApp } from "../../app.ts";
import { type Logger, silentLogger } from "../../logger.ts";
import { createRuntime } from "../../runtime.ts";
import { api, createTempDataDir, startWebhookReceiver, testApiKey, waitFor } from "../../test-helpers.ts";
import { browserPath, chromiumUnder, hangingProxy, waitForProcesses } from "./webjs-test-helpers.ts";

// The WEBJS engine as the service runs it: through the REST API in-process, and as a process of
// its own that gets SIGTERM. Real Chromium; no internet here, so WhatsApp Web never loads.

/** A runtime and app with WEBJS enabled; `close` stops its sessions (and their browsers). */
function createWebjsApp(dataDir: string, options: { browserArgs?: string[]; logger?: Logger } = {}) {
  const runtime = createRuntime({
    dataDir,
    engine: "SANDBOX",
    browserPath: null,
    webjs: { browserPath, browserArgs: options.browserArgs ?? [] },
    logger: options.logger ?? silentLogger,
  });
  const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime });
  return { app, close: () => runtime.close() };
}

const webjsSession = (name: string, webhooks: unknown[] = []) => ({ name, config: { engine: "WEBJS", webhooks } });

describe("WEBJS through the API", () => {
  test("a session goes STARTING, then FAILED with its reason, and says so by session.status webhook", async () => {
    const dataDir = createTempDataDir();
    const receiver = startWebhookReceiver();
    const warnings: string[] = [];
    const { app, close } = createWebjsApp(dataDir, { logger: { ...silentLogger, warn: (message) => warnings.push(message) } });
    try {
      const created = await api(app, "POST", "/api/sessions", webjsSession("web", [{ url: receiver.url, events: ["session.status"] }]));
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ name: "web", status: "STARTING", config: { engine: "WEBJS" } });

      const failed = await waitFor(() => receiver.events("session.status").find((hook) => hook.body.payload.status === "FAILED"), 15_000, "FAILED webhook");
      expect(failed.body).toMatchObject({ session: "web", engine: "WEBJS", payload: { name: "web", status: "FAILED" } });
      expect(receiver.events("session.status").map((hook) => hook.body.payload.status)).toEqual(["STARTING", "FAILED"]);
      expect(await (await api(app, "GET", "/api/sessions/web")).json()).toMatchObject({ status: "FAILED", engine: { engine: "WEBJS" } });
      expect(warnings.join("\n")).toContain("session web is FAILED: WhatsApp Web did not start: net::ERR_NAME_NOT_RESOLVED");
      expect(chromiumUnder(dataDir)).toEqual([]);
      // A failed WEBJS session answers like any session that is not WORKING.
      expect((await api(app, "POST", "/api/sendText", { session: "web", chatId: "5511999999999@c.us", text: "hi" })).status).toBe(422);
    } finally {
      await close();
    }
  }, 20_000);

  test("stop and delete close the session's browser", async () => {
    const dataDir = createTempDataDir();
    const proxy = hangingProxy();
    const { app, close } = createWebjsApp(dataDir, { browserArgs: proxy.args });
    try {
      await api(app, "POST", "/api/sessions", webjsSession("web"));
      await proxy.loading;
      expect(await (await api(app, "POST", "/api/sessions/web/stop")).json()).toMatchObject({ status: "STOPPED" });
      expect(chromiumUnder(dataDir)).toEqual([]);

      await api(app, "POST", "/api/sessions/web/start");
      await waitForProcesses(() => chromiumUnder(dataDir).length > 0, "the browser of the restarted session");
      expect((await api(app, "DELETE", "/api/sessions/web")).status).toBe(200);
      expect(chromiumUnder(dataDir)).toEqual([]);
    } finally {
      await close();
    }
  }, 20_000);
});

/** A port the OS says is free now (the service needs a fixed one in its env). */
function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = probe.port ?? 0;
  void probe.stop(true);
  return port;
}

/** Runs `src/index.ts` as production does, WEBJS by default, and waits until it answers. */
async function startService(dataDir: string) {
  const port = freePort();
  const service = Bun.spawn([process.execPath, path.join(import.meta.dir, "../../index.ts")], {
    env: {
      ...process.env,
      // Single-process mode even where the test run has a DATABASE_URL (CI's Postgres pass).
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      WHATSAPP_PORT: String(port),
      WHATSAPP_HOST: "127.0.0.1",
      WHATSAPP_API_KEY: testApiKey,
      WHATSAPP_ENGINE: "WEBJS",
      WHATSAPP_BROWSER_PATH: browserPath,
      LOG_LEVEL: "error",
    },
    stdout: "ignore",
    stderr: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(`${base}/ping`).then((response) => response.ok, () => false), 10_000, "the service to answer");
  const call = (method: string, route: string, body?: unknown) =>
    fetch(`${base}${route}`, { method, headers: { "X-Api-Key": testApiKey, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { service, call };
}

describe("the service process with WEBJS sessions", () => {
  test("SIGTERM while sessions start leaves no Chromium behind", async () => {
    const dataDir = createTempDataDir();
    const { service, call } = await startService(dataDir);
    try {
      // One session stopped while its browser is being launched, one while it loads WhatsApp Web.
      expect(await (await call("POST", "/api/sessions", { name: "launched" })).json()).toMatchObject({ status: "STARTING" });
      await waitForProcesses(() => chromiumUnder(path.join(dataDir, "whatsapp/webjs/launched/")).length > 0, "the first browser");
      expect(await (await call("POST", "/api/sessions", { name: "launching" })).json()).toMatchObject({ status: "STARTING" });
    } finally {
      service.kill("SIGTERM");
    }
    expect(await service.exited).toBe(0);
    expect(chromiumUnder(dataDir)).toEqual([]);
  }, 30_000);
});
