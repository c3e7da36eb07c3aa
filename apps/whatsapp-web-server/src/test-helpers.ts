import { afterEach } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, type AppOptions } from "./app.ts";
import type { SandboxOptions } from "./engines/sandbox/sandbox-options.ts";
import { silentLogger } from "./logger.ts";
import { createRuntime, type Runtime } from "./runtime.ts";

export const testApiKey = "test-api-key";

/** Sandbox timings for tests: fast, but slow enough to observe each step. */
export const fastSandbox: SandboxOptions = {
  startDelayMs: 5,
  qrRotationMs: 5_000,
  qrMaxRotations: 6,
  ackDelaysMs: { server: 5, device: 5, read: 5 },
  contactDelaysMs: { typing: 5, reply: 5, reaction: 5 },
  chatHistory: true,
};

const openRuntimes = new Set<Runtime>();
const tempDirs = new Set<string>();

afterEach(async () => {
  await Promise.all([...openRuntimes].map((runtime) => runtime.close()));
  openRuntimes.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
});

/** A fresh data directory, removed after the test. */
export function createTempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wa-test-"));
  tempDirs.add(dir);
  return dir;
}

export type TestAppOptions = Partial<Omit<AppOptions, "runtime">> & { dataDir?: string | null; sandbox?: Partial<SandboxOptions> };

/** A runtime as index.ts builds it (in memory unless `dataDir` is given), closed after the test. */
export function createTestRuntime(options: TestAppOptions = {}) {
  const runtime = createRuntime({
    dataDir: options.dataDir ?? null,
    engine: options.engine ?? "SANDBOX",
    browserPath: options.browserPath ?? null,
    sandbox: { ...fastSandbox, ...options.sandbox },
    logger: silentLogger,
  });
  openRuntimes.add(runtime);
  return runtime;
}

/** Closes a runtime early (to simulate a restart). */
export async function closeTestRuntime(runtime: Runtime) {
  openRuntimes.delete(runtime);
  await runtime.close();
}

/** An app as index.ts builds it, with a known key and no listening socket. */
export function createTestApp(options: TestAppOptions = {}) {
  const runtime = createTestRuntime(options);
  const { dataDir: _dataDir, sandbox: _sandbox, ...appOptions } = options;
  return createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime, ...appOptions });
}

/** Sends one request through the app in-process, with the API key unless `init.headers` says otherwise. */
export function request(app: ReturnType<typeof createTestApp>, path: string, init: RequestInit = {}) {
  return app.handle(new Request(`http://localhost${path}`, init));
}

/** Sends a JSON request with the test API key. */
export function api(app: ReturnType<typeof createTestApp>, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { "X-Api-Key": testApiKey };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return request(app, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3_000, what = "condition"): Promise<Exclude<T, false | undefined | null>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value as Exclude<T, false | undefined | null>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(5);
  }
}

/** A webhook request as a receiver saw it: the raw body, its headers, and the parsed envelope. */
export type ReceivedWebhook = { raw: string; headers: Headers; body: Record<string, unknown> & { event: string; id: string; payload: Record<string, unknown> } };

const openReceivers = new Set<{ stop: () => void }>();
afterEach(() => {
  for (const receiver of openReceivers) receiver.stop();
  openReceivers.clear();
});

/**
 * A real HTTP webhook receiver on a free port. `failures` answers 500 to that many requests
 * first; set `receiver.failing = true` to refuse everything until reset.
 */
export function startWebhookReceiver(options: { failures?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  const state = { failuresLeft: options.failures ?? 0, failing: false, attempts: 0 };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const raw = await req.text();
      state.attempts += 1;
      if (state.failing || state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        return new Response("nope", { status: 500 });
      }
      received.push({ raw, headers: req.headers, body: JSON.parse(raw) as ReceivedWebhook["body"] });
      return new Response(null, { status: 204 });
    },
  });
  const receiver = { stop: () => void server.stop(true) };
  openReceivers.add(receiver);
  return {
    url: `http://127.0.0.1:${server.port}/hook`,
    received,
    state,
    /** The events received so far, by name. */
    events: (name?: string) => received.filter((hook) => !name || hook.body.event === name),
  };
}
