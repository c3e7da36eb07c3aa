// The sending side of bench/cluster: numbers linked through the API and the sandbox phone, then
// `message.send` over tRPC spread over the API instances, timed until every outbox row is sent
// (the queue's part, which the instances share) and until every message has its SERVER ack
// (ack >= 1) in the database: that adds the worker and the ack's webhook, which the WhatsApp
// service delivers one at a time per session, in order.
import { type Database, schema } from "@nexis/db";
import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { Member } from "./api-member.ts";
import { waitFor } from "./worker-cluster.ts";
import { inParallel, type WhatsAppService } from "./whatsapp-service.ts";

/**
 * Links `numbers` numbers of the member's workspace through the API (scanned with the sandbox
 * phone through `whatsapp`, any worker), and has a contact write to each; answers the chats.
 */
export async function linkNumbersWithChats(member: Member, whatsapp: WhatsAppService, numbers: number): Promise<string[]> {
  const chats: string[] = [];
  for (let index = 0; index < numbers; index++) {
    const { id } = await member.mutate<{ id: string }>("account.addAccount", { name: `Number ${index + 1}` });
    const qr = await waitFor(async () => (await member.query<{ value: string | null }>("account.qr", { id })).value, 30_000, `the QR of number ${index + 1}`);
    await whatsapp.api("POST", `/api/sandbox/${id}/scan`, { value: qr });
    await waitFor(async () => (await member.query<{ status: string }>("account.get", { id })).status === "WORKING", 30_000, `number ${index + 1} WORKING`);
    const contact = `55119000${String(1000 + index)}`;
    await whatsapp.api("POST", `/api/sandbox/${id}/inbound`, { from: contact, text: "Oi" });
    const chat = await waitFor(
      async () => (await member.query<{ items: { id: string; waChatId: string }[] }>("chat.list", { accountId: id })).items.find((item) => item.waChatId === `${contact}@c.us`),
      30_000,
      `the chat of number ${index + 1}`,
    );
    chats.push(chat.id);
  }
  return chats;
}

export interface SendRun {
  /** Messages per second from the first send to the last outbox row sent. */
  outboxPerSecond: number;
  /** Messages per second from the first send to the last SERVER ack stored. */
  ackedPerSecond: number;
  /** `message.send` calls answered per second (accepted into the outbox). */
  acceptedPerSecond: number;
}

/**
 * Sends `total` short texts (no typing indicator), `concurrency` calls in flight, round robin over
 * the chats and over the instances in `urls`; waits until each is acked (ack >= 1).
 */
export async function measureSends(db: Database, member: Member, options: { urls: string[]; chats: string[]; total: number; concurrency: number; prefix: string }): Promise<SendRun> {
  const ids: string[] = [];
  const sentRows = async () =>
    (await db.select({ n: count() }).from(schema.outbox).where(and(eq(schema.outbox.workspaceId, member.workspaceId), eq(schema.outbox.status, "sent"))))[0]?.n ?? 0;
  const sentBefore = await sentRows();
  const started = performance.now();
  await inParallel(
    Array.from({ length: options.total }, (_, index) => index),
    options.concurrency,
    async (index) => {
      const chatId = options.chats[index % options.chats.length];
      const url = options.urls[index % options.urls.length];
      const message = await member.mutate<{ id: string }>("message.send", { chatId, text: `${options.prefix} ${index}` }, url);
      ids.push(message.id);
    },
  );
  const acceptedSeconds = (performance.now() - started) / 1000;
  const acked = async () => (await db.select({ n: count() }).from(schema.message).where(and(inArray(schema.message.id, ids), gte(schema.message.ack, 1))))[0]?.n ?? 0;
  let outboxSeconds = 0;
  await waitFor(
    async () => {
      if (!outboxSeconds && (await sentRows()) - sentBefore >= ids.length) outboxSeconds = (performance.now() - started) / 1000;
      return outboxSeconds > 0 && (await acked()) === ids.length;
    },
    180_000,
    `${ids.length} sends sent and acked`,
  );
  const ackedSeconds = (performance.now() - started) / 1000;
  return { outboxPerSecond: ids.length / outboxSeconds, ackedPerSecond: ids.length / ackedSeconds, acceptedPerSecond: ids.length / acceptedSeconds };
}
