import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createLogger } from "@nexis/observability";
import { WahaApiClient } from "@nexis/waha-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventBus } from "../events/workspace-events.ts";
import type { IngestItem } from "./ingest.ts";
import { createLidLookups, type LidLookupsOptions } from "./lid-lookups.ts";
import { messagePayloadSchema } from "./webhook-payloads.ts";

// The throttle and the choice of what to ask, against a stand-in WhatsApp service over real HTTP
// that knows nobody (what it answers once it knows someone is covered by test/whatsapp-lid-lookup.test.ts).

let database: TestDatabase;
let service: Server;
let baseUrl: string;
const asked: string[] = [];
let status = 200;

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL);
  service = createServer((request, response) => {
    asked.push(request.url ?? "");
    const lid = decodeURIComponent((request.url ?? "").split("/").at(-1) ?? "");
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(status === 200 ? { lid } : { statusCode: status, message: "nope" }));
  });
  await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => service?.close(resolve));
  await database?.dispose();
});

const accountId = "00000000-0000-4000-8000-000000000001";

function item(fields: Record<string, unknown>, account = accountId): IngestItem {
  const payload = messagePayloadSchema.parse({ id: "false_x_1", timestamp: 1, from: "777@lid", fromMe: false, body: "hi", ...fields });
  return { target: { accountId: account, workspaceId: "w" }, eventId: "evt", event: { event: "message", payload }, me: null };
}

function lookups(options: Partial<LidLookupsOptions> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ service: "test", level: "debug", pretty: false, destination: { write: (line: string) => lines.push(line) } });
  const client = new WahaApiClient({ baseUrl, apiKey: "k", timeoutMs: 2_000 });
  return { lines, lookups: createLidLookups({ db: database.db, client, events: createEventBus(), logger, ...options }) };
}

const fresh = { duplicate: false, events: [] };

describe("lid lookups after the commit", () => {
  it("asks once per account and hidden id within the window, and only about hidden ids nothing maps", async () => {
    asked.length = 0;
    const { lookups: subject } = lookups();
    subject.afterWebhook(item({}), fresh);
    subject.afterWebhook(item({}), fresh);
    subject.afterWebhook(item({}, "00000000-0000-4000-8000-000000000002"), fresh);
    subject.afterWebhook(item({ from: "778@lid" }), { duplicate: true, events: [] });
    subject.afterWebhook(item({ from: "779@lid", _data: { key: { remoteJid: "779@lid", remoteJidAlt: "5511999990000@s.whatsapp.net" } } }), fresh);
    subject.afterWebhook(item({ from: "5511999990000@c.us" }), fresh);
    subject.afterWebhook(item({ from: "120363000000001@g.us", participant: "780@lid" }), fresh);
    await subject.idle();
    expect(asked.sort()).toEqual([
      `/api/${accountId}/lids/777%40lid`,
      `/api/${accountId}/lids/780%40lid`,
      "/api/00000000-0000-4000-8000-000000000002/lids/777%40lid",
    ]);
  });

  it("asks again once the window passed; a failing service is logged, never thrown", async () => {
    asked.length = 0;
    status = 500;
    const { lookups: subject, lines } = lookups({ retryAfterMs: 0 });
    expect(() => subject.afterWebhook(item({}), fresh)).not.toThrow();
    await subject.idle();
    status = 422;
    subject.afterWebhook(item({}), fresh);
    await subject.idle();
    status = 200;
    expect(asked).toHaveLength(2);
    // Pino's levels: 40 is warn (the service failed), 20 debug (the session not linked: expected).
    expect(lines.map((line) => (JSON.parse(line) as { level: number }).level)).toEqual([40, 20]);
  });
});
