import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  /** Changes the addresses requests go to, in turn, while it runs (an instance joins). */
  setTargets(targets: string[]): void;
  close(): Promise<void>;
}

/**
 * The small load balancer of the cluster deployment, on loopback: each request (method, path,
 * headers, body streamed) goes to the next target in turn, and its answer comes back as it is.
 * A target that refuses the connection answers 502, as a proxy would.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  let current = [...targets];
  const server = createServer((incoming, outgoing) => {
    const address = current[next++ % Math.max(1, current.length)];
    if (!address) return void outgoing.writeHead(502).end("no target");
    const target = new URL(address);
    const forwarded = request(
      { agent, host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(String(error));
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTargets(targets) {
      current = [...targets];
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
