import { serve, type ServerType } from "@hono/node-server";
import autocannon from "autocannon";
import type { AddressInfo } from "node:net";

type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Serves a fetch handler on a free loopback port; resolves with its URL and a stop function. */
export async function listen(fetch: FetchHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server: ServerType = serve({ fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/** Sends requests to `url` for `seconds` with `connections` in flight (autocannon, loopback only). */
export async function load(url: string, seconds: number, connections = 10): Promise<LoadResult> {
  const result = await autocannon({ url, duration: seconds, connections });
  return {
    requestsPerSecond: result.requests.average,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
