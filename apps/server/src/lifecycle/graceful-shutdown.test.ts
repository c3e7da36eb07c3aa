import { serve } from "@hono/node-server";
import { silentLogger } from "@nexis/observability";
import { Hono } from "hono";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installGracefulShutdown } from "./graceful-shutdown.ts";
import { createRequestDrain } from "./request-drain.ts";

/**
 * A real HTTP server with a request that waits for the test and a live stream that never ends
 * on its own, shut down as index.ts does (without signals: `shutdown` is called directly).
 */
async function startServer(timeoutMs: number) {
  let releaseSlow = () => {};
  const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
  const steps: string[] = [];
  const app = new Hono();
  app.get("/slow", async (c) => {
    await slowReleased;
    steps.push("request finished");
    return c.text("finished");
  });
  app.get("/events", () => {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode("data: 1\n\n")) });
    return new Response(body, { headers: { "content-type": "text/event-stream", connection: "keep-alive" } });
  });
  const drain = createRequestDrain({ retryAfterMs: 1_500 });
  const server = serve({ fetch: drain.wrap(app.fetch), hostname: "127.0.0.1", port: 0 }) as Server;
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let exited: (code: number) => void = () => {};
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const { shutdown } = installGracefulShutdown({
    server,
    drain,
    timeoutMs,
    logger: silentLogger,
    signals: [],
    exit: exited,
    stopWorkers: async () => void steps.push("workers stopped"),
    closeResources: async () => void steps.push("resources closed"),
  });
  return { baseUrl, drain, shutdown, exitCode, steps, releaseSlow };
}

async function readAll(response: Response): Promise<string> {
  let text = "";
  for await (const chunk of response.body as ReadableStream<Uint8Array>) text += new TextDecoder().decode(chunk);
  return text;
}

describe("graceful shutdown", () => {
  it("ends live streams with a retry hint, refuses new requests, lets the one in flight finish, then closes and exits 0", async () => {
    const server = await startServer(5_000);
    const stream = await fetch(`${server.baseUrl}/events`);
    const streamText = readAll(stream);
    const slow = fetch(`${server.baseUrl}/slow`).then(async (response) => ({ status: response.status, body: await response.text() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.drain.inFlight).toBe(1);

    const stopping = server.shutdown("test");
    expect(await streamText).toBe("data: 1\n\n: server shutting down\nretry: 1500\n\n");
    const refused = await fetch(`${server.baseUrl}/slow`).then(
      (response) => response.status,
      () => 0,
    );
    expect([0, 503]).toContain(refused);

    server.releaseSlow();
    expect(await slow).toEqual({ status: 200, body: "finished" });
    expect(await server.exitCode).toBe(0);
    await stopping;
    expect(server.steps.indexOf("resources closed")).toBeGreaterThan(server.steps.indexOf("request finished"));
    expect(server.steps).toContain("workers stopped");
  });

  it("cuts what is still in flight at the deadline and exits 0", async () => {
    const server = await startServer(300);
    const stuck = fetch(`${server.baseUrl}/slow`).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    void server.shutdown("test");
    expect(await server.exitCode).toBe(0);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
    expect(await stuck).toBe("cut");
    server.releaseSlow();
  });
});
