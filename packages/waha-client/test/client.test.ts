import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WahaApiClient, WahaHttpError, WahaNetworkError, WahaTimeoutError } from "../src/index.ts";

interface Seen {
  method: string;
  url: string;
  apiKey: string | undefined;
  requestId?: string | undefined;
  body: unknown;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
/** What the stub answers next: status, body, headers, or a delay longer than the client waits. */
let next: { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } = { status: 200 };

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const requestId = request.headers["x-request-id"] as string | undefined;
    seen.push({ method: request.method ?? "", url: request.url ?? "", apiKey: request.headers["x-api-key"] as string | undefined, ...(requestId ? { requestId } : {}), body: await readBody(request) });
    const answer = next;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () => new WahaApiClient({ baseUrl: `${baseUrl}/`, apiKey: "secret-key", timeoutMs: 300 });

describe("WahaApiClient", () => {
  it("sends a text as WAHA expects: path, X-Api-Key, JSON body with our message id", async () => {
    const message = { id: "true_5511@c.us_ABC", body: "Hello!", fromMe: true, ack: 0 };
    next = { status: 201, body: message };
    const sent = await client().sendText({ session: "acc-1", chatId: "5511999999999@c.us", text: "Hello!", id: "ABC" });
    expect(sent).toEqual(message);
    expect(seen.at(-1)).toEqual({
      method: "POST",
      url: "/api/sendText",
      apiKey: "secret-key",
      body: { session: "acc-1", chatId: "5511999999999@c.us", text: "Hello!", id: "ABC" },
    });
  });

  it("sends the current request id as X-Request-Id when given one, so both services' logs share it", async () => {
    next = { status: 201, body: { id: "x" } };
    let current: string | undefined = "req-77";
    const traced = new WahaApiClient({ baseUrl, apiKey: "secret-key", requestId: () => current });
    await traced.sendText({ session: "acc-1", chatId: "5511999999999@c.us", text: "Hi" });
    expect(seen.at(-1)?.requestId).toBe("req-77");
    current = undefined;
    await traced.sendText({ session: "acc-1", chatId: "5511999999999@c.us", text: "Hi" });
    expect(seen.at(-1)?.requestId).toBeUndefined();
  });

  it("puts path parameters in the path, encoded", async () => {
    next = { status: 200, body: {} };
    await client().editMessage("acc-1", "5511999999999@c.us", "true_5511999999999@c.us_AAA", { text: "edited" });
    expect(seen.at(-1)).toMatchObject({ method: "PUT", url: "/api/acc-1/chats/5511999999999%40c.us/messages/true_5511999999999%40c.us_AAA" });
    next = { status: 200, body: { value: "2@abc" } };
    expect(await client().getQRValue("acc-1")).toEqual({ value: "2@abc" });
    expect(seen.at(-1)?.url).toBe("/api/acc-1/auth/qr?format=raw");
  });

  it("looks hidden ids up both ways, answering WAHA's LidToPhoneNumber", async () => {
    next = { status: 200, body: { lid: "123456789012345@lid", pn: "5511999999999@c.us" } };
    expect(await client().findPhoneByLid("acc-1", "123456789012345@lid")).toEqual({ lid: "123456789012345@lid", pn: "5511999999999@c.us" });
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: "/api/acc-1/lids/123456789012345%40lid" });
    next = { status: 200, body: { pn: "5511999999999@c.us" } };
    expect(await client().findLidByPhone("acc-1", "5511999999999@c.us")).toEqual({ pn: "5511999999999@c.us" });
    expect(seen.at(-1)?.url).toBe("/api/acc-1/lids/pn/5511999999999%40c.us");
  });

  it("turns an error status into WahaHttpError with the service's message; 4xx is not retryable", async () => {
    next = { status: 404, body: { statusCode: 404, message: "Session \"nope\" not found", error: "Not Found" } };
    const error = await client().getSession("nope").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WahaHttpError);
    expect(error).toMatchObject({ status: 404, retryable: false, operation: "getSession" });
    expect((error as Error).message).toBe('getSession answered 404: Session "nope" not found');
  });

  it("marks 429 and 5xx retryable and reads Retry-After", async () => {
    next = { status: 429, body: { statusCode: 429, message: "Too many messages" }, headers: { "retry-after": "7" } };
    const limited = await client().sendText({ session: "s", chatId: "1@c.us", text: "x" }).catch((caught: unknown) => caught);
    expect(limited).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 7 });
    next = { status: 502, body: { message: "Bad gateway" } };
    expect(await client().startSession("s").catch((caught: unknown) => caught)).toMatchObject({ status: 502, retryable: true, retryAfterSeconds: null });
  });

  it("gives up after its timeout with WahaTimeoutError (retryable)", async () => {
    next = { status: 200, body: {}, delayMs: 1_000 };
    const error = await client().getMe("s").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WahaTimeoutError);
    expect(error).toMatchObject({ retryable: true, message: "getMe timed out after 300 ms" });
  });

  it("reports an unreachable service as WahaNetworkError (retryable)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new WahaApiClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k", timeoutMs: 1_000 });
    const error = await unreachable.getSession("s").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WahaNetworkError);
    expect(error).toMatchObject({ retryable: true });
  });
});
