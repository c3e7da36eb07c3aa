import { createConnection } from "node:net";
import { queryRows } from "@nexis/db";
import { WahaApiClient } from "@nexis/waha-client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboundWorker, type OutboundWorker } from "../src/services/outbound/outbound-worker.ts";
import { chatWith, outboundSuite } from "./outbound-suite.ts";
import { eventually, linkNumber } from "./support/sandbox-number.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";

/** Whether Redis answers at `url` (the suite is skipped without one, as on a laptop without Redis). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1_000);
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

const redisUp = await reachable(redisUrl);
// Every server this file starts picks BullMQ (and the Redis event bus) from the environment.
if (redisUp) process.env.REDIS_URL = redisUrl;

describe.runIf(redisUp)("outbound queue forced onto BullMQ", () => {
  outboundSuite("the queue suite on BullMQ", { expectBackend: "bullmq" });

  describe("two instances sharing one BullMQ queue", () => {
    let server: TestServer;
    let owner: TestUser;
    let second: OutboundWorker;

    beforeAll(async () => {
      server = await startTestServer();
      owner = await server.signUp("Two instances");
    }, 60_000);

    afterAll(async () => {
      await second?.stop();
      await server?.close();
    });

    it("delivers each message once when another instance adds the same jobs and works the queue too", async () => {
      const accountId = await linkNumber(server, owner, "Shared");
      const chat = await chatWith(server, owner, accountId, "5511977770000", "Olá");
      // A second server instance: same database and Redis prefix, its own worker and WhatsApp client.
      second = createOutboundWorker({
        db: server.database.db,
        client: new WahaApiClient({ baseUrl: server.whatsapp.baseUrl, apiKey: server.whatsapp.apiKey }),
        jitterMs: 0,
        redisUrl,
        redisPrefix: server.outbound.prefix ?? "",
      });
      expect(second.backend).toBe("bullmq");
      second.start();
      const texts = Array.from({ length: 12 }, (_, index) => `mensagem ${index}`);
      const sent = await Promise.all(texts.map((text) => owner.trpc.message.send.mutate({ chatId: chat.id, text })));
      // The other instance adds every job too (same ids, as its sweep would): still one run each.
      const jobs = await queryRows<{ id: string }>(server.database.db, sql`select id from outbox where account_id = ${accountId}`);
      for (const job of jobs) second.wake(job.id);
      await eventually(async () => {
        const acks = await Promise.all(sent.map(async (message) => (await owner.trpc.message.get.query({ id: message.id })).ack));
        if (acks.some((ack) => ack < 1)) throw new Error(`acks ${acks.join(",")}`);
      });
      const response = await server.whatsapp.request("GET", `/api/${accountId}/chats/${chat.waChatId}/messages?limit=100`);
      const bodies = ((await response.json()) as { body: string | null }[]).map((message) => message.body);
      for (const text of texts) expect(bodies.filter((body) => body === text)).toHaveLength(1);
    }, 60_000);
  });
});
