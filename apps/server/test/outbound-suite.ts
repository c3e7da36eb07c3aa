import { queryRows, schema } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, linkNumber } from "./support/sandbox-number.ts";
import { startTestServer, trpcError, type TestServer, type TestUser } from "./support/server.ts";

/** A contact writes to the number; answers our chat row for them. */
export async function chatWith(server: TestServer, user: TestUser, accountId: string, phone: string, text: string) {
  await server.whatsapp.request("POST", `/api/sandbox/${accountId}/inbound`, { from: phone, text });
  return eventually(async () => {
    const chat = (await user.trpc.chat.list.query({ accountId })).items.find((item) => item.waChatId === `${phone}@c.us`);
    if (!chat) throw new Error("no chat yet");
    return chat;
  });
}

type ServiceMessage = { id: string; body: string | null; location?: { latitude: string; longitude: string; name?: string }; vCards?: string[]; _data?: { isForwarded?: boolean } };

/**
 * The outbound queue's behaviour through the real API and the real WhatsApp service (SANDBOX),
 * on whichever backend the environment selects (BullMQ when REDIS_URL is set). `expectBackend`
 * pins it for a suite that must run on one.
 */
export function outboundSuite(label: string, options: { expectBackend?: "in-process" | "bullmq" } = {}) {
  let server: TestServer;
  let owner: TestUser;
  let stranger: TestUser;
  let accountId: string;
  let chatA: { id: string; waChatId: string };
  let chatB: { id: string; waChatId: string };

  const serviceMessages = async (waChatId: string) =>
    (await (await server.whatsapp.request("GET", `/api/${accountId}/chats/${waChatId}/messages?limit=100`)).json()) as ServiceMessage[];
  const outboxOf = async (messageId: string) =>
    (await queryRows<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(
      server.database.db,
      sql`select status, attempts, last_error, next_attempt_at from outbox where payload->>'messageId' = ${messageId}`,
    ))[0];
  const sentToWhatsApp = (messageId: string) =>
    eventually(async () => {
      const message = await owner.trpc.message.get.query({ id: messageId });
      if (message.ack < 1) throw new Error(`ack ${message.ack} (${message.failureReason ?? "pending"})`);
      return message;
    });

  describe(label, () => {
    beforeAll(async () => {
      server = await startTestServer();
      [owner, stranger] = await Promise.all([server.signUp("Sender"), server.signUp("Stranger")]);
      accountId = await linkNumber(server, owner, "Support");
      chatA = await chatWith(server, owner, accountId, "5511911112222", "Oi, preciso de ajuda");
      chatB = await chatWith(server, owner, accountId, "5511933334444", "Bom dia");
    }, 90_000);

    afterAll(async () => {
      await server?.close();
    });

    it("runs on the backend the environment selects", () => {
      const expected = options.expectBackend ?? (process.env.REDIS_URL ? "bullmq" : "in-process");
      expect(server.outbound.backend).toBe(expected);
    });

    it("sends a location: the row shows it at once and WhatsApp receives the pin", async () => {
      const sent = await owner.trpc.message.send.mutate({ kind: "location", chatId: chatA.id, latitude: -23.5505, longitude: -46.6333, title: "Our office" });
      expect(sent).toMatchObject({ fromMe: true, ack: 0, type: "location", body: "Our office", media: { location: { latitude: -23.5505, longitude: -46.6333, title: "Our office" } } });
      const delivered = await sentToWhatsApp(sent.id);
      expect(delivered.type).toBe("location");
      const pins = (await serviceMessages(chatA.waChatId)).filter((message) => message.location?.name === "Our office");
      expect(pins).toHaveLength(1);
      expect(Number(pins[0]?.location?.latitude)).toBeCloseTo(-23.5505);
    });

    it("sends a contact card (vCard) with a name and phone number", async () => {
      const sent = await owner.trpc.message.send.mutate({ kind: "contact", chatId: chatA.id, name: "Ana Souza", phoneNumber: "+55 11 95555-1234" });
      expect(sent).toMatchObject({ type: "vcard", media: { contact: { name: "Ana Souza", phoneNumber: "+55 11 95555-1234" } } });
      expect(sent.body).toContain("FN:Ana Souza");
      await sentToWhatsApp(sent.id);
      const cards = (await serviceMessages(chatA.waChatId)).filter((message) => message.vCards?.some((card) => card.includes("FN:Ana Souza")));
      expect(cards).toHaveLength(1);
      expect(cards[0]?.vCards?.[0]).toContain("waid=5511955551234");
    });

    it("sends a reply that quotes a message of the chat, and refuses one quoting another chat", async () => {
      const theirs = (await owner.trpc.message.list.query({ chatId: chatA.id })).items.find((message) => !message.fromMe);
      if (!theirs) throw new Error("no message to quote");
      const sent = await owner.trpc.message.send.mutate({ chatId: chatA.id, text: "Respondendo", replyToId: theirs.id });
      await sentToWhatsApp(sent.id);
      const other = (await owner.trpc.message.list.query({ chatId: chatB.id })).items[0];
      const refused = await trpcError(owner.trpc.message.send.mutate({ kind: "location", chatId: chatA.id, latitude: 1, longitude: 1, replyToId: other?.id }));
      expect(refused.data?.code).toBe("BAD_REQUEST");
    });

    it("renders a template on the server; a missing variable is refused by name and nothing is queued", async () => {
      const template = await owner.trpc.template.create.mutate({ name: "Pedido", body: "Olá {{contact.phone}}, seu pedido {{order}} saiu. {{agent.name}}" });
      const before = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from message where chat_id = ${chatA.id}`);
      const missing = await trpcError(owner.trpc.message.send.mutate({ kind: "template", chatId: chatA.id, templateId: template.id }));
      expect(missing.data?.code).toBe("BAD_REQUEST");
      expect(missing.message).toContain("order");
      expect((missing.data as { cause?: unknown }).cause).toEqual({ code: "TEMPLATE_VARIABLES", missing: ["order"] });
      const after = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from message where chat_id = ${chatA.id}`);
      expect(after[0]?.n).toBe(before[0]?.n);

      const sent = await owner.trpc.message.send.mutate({ kind: "template", chatId: chatA.id, templateId: template.id, variables: { order: "#42" }, clientId: "template-send-1" });
      expect(sent.type).toBe("chat");
      expect(sent.body).toBe("Olá +5511911112222, seu pedido #42 saiu. Sender");
      expect(sent.body).not.toContain("{{");
      await sentToWhatsApp(sent.id);
      expect((await serviceMessages(chatA.waChatId)).filter((message) => message.body === sent.body)).toHaveLength(1);

      // Another workspace's template is not found, even on our chat's id.
      const theirs = await stranger.trpc.template.create.mutate({ name: "Theirs", body: "Hi" });
      expect((await trpcError(owner.trpc.message.send.mutate({ kind: "template", chatId: chatA.id, templateId: theirs.id }))).data?.code).toBe("NOT_FOUND");
    });

    it("forwards a message to another chat of the number; WhatsApp marks it forwarded", async () => {
      const original = (await owner.trpc.message.list.query({ chatId: chatA.id })).items.find((message) => !message.fromMe && message.body === "Oi, preciso de ajuda");
      if (!original) throw new Error("no message to forward");
      const forwarded = await owner.trpc.message.forward.mutate({ id: original.id, chatId: chatB.id, clientId: "forward-once-1" });
      expect(forwarded).toMatchObject({ fromMe: true, ack: 0, body: "Oi, preciso de ajuda", type: "chat" });
      expect((await owner.trpc.message.forward.mutate({ id: original.id, chatId: chatB.id, clientId: "forward-once-1" })).id).toBe(forwarded.id);
      await sentToWhatsApp(forwarded.id);
      const copies = (await serviceMessages(chatB.waChatId)).filter((message) => message.body === "Oi, preciso de ajuda");
      expect(copies).toHaveLength(1);
      expect(copies[0]?._data?.isForwarded).toBe(true);
    });

    it("refuses another workspace's messages and chats for forward, send and typing (NOT_FOUND), and changes nothing", async () => {
      await stranger.trpc.workspace.get.query();
      const message = (await owner.trpc.message.list.query({ chatId: chatA.id })).items[0];
      if (!message) throw new Error("no message");
      const before = await queryRows(server.database.db, sql`select count(*)::int as n from message where workspace_id = (select workspace_id from chat where id = ${chatA.id})`);
      const calls = [
        () => stranger.trpc.message.forward.mutate({ id: message.id, chatId: chatB.id }),
        () => stranger.trpc.message.send.mutate({ kind: "location", chatId: chatA.id, latitude: 0, longitude: 0 }),
        () => stranger.trpc.message.send.mutate({ kind: "contact", chatId: chatA.id, name: "X", phoneNumber: "+1 555 0100" }),
        () => stranger.trpc.chat.typing.mutate({ id: chatA.id, typing: true }),
      ];
      for (const call of calls) expect((await trpcError(call())).data?.code).toBe("NOT_FOUND");
      expect(await queryRows(server.database.db, sql`select count(*)::int as n from message where workspace_id = (select workspace_id from chat where id = ${chatA.id})`)).toEqual(before);
      // Forwarding across numbers is refused too, even inside one workspace (Business: two numbers).
      const workspace = await owner.trpc.workspace.get.query();
      await server.database.db.insert(schema.subscription).values({ workspaceId: workspace.id, plan: "business", status: "active" });
      const otherNumber = await linkNumber(server, owner, "Second");
      const elsewhere = await chatWith(server, owner, otherNumber, "5511955556666", "Olá");
      expect((await trpcError(owner.trpc.message.forward.mutate({ id: message.id, chatId: elsewhere.id }))).data?.code).toBe("BAD_REQUEST");
    });

    it("shows typing through WhatsApp, coalescing repeated starts", async () => {
      expect(await owner.trpc.chat.typing.mutate({ id: chatA.id, typing: true })).toEqual({ id: chatA.id, typing: true, sent: true });
      expect((await owner.trpc.chat.typing.mutate({ id: chatA.id, typing: true })).sent).toBe(false);
      expect((await owner.trpc.chat.typing.mutate({ id: chatA.id, typing: false })).sent).toBe(true);
      expect((await owner.trpc.chat.typing.mutate({ id: chatA.id, typing: false })).sent).toBe(false);
    });

    it("keeps a send PENDING while the WhatsApp service is down and delivers it exactly once when it is back", async () => {
      await server.whatsapp.stop();
      const sent = await owner.trpc.message.send.mutate({ chatId: chatA.id, text: "Enviado durante a queda" });
      expect(sent.ack).toBe(0);
      const job = await eventually(async () => {
        const row = await outboxOf(sent.id);
        if (!row?.last_error) throw new Error("not tried yet");
        return row;
      });
      expect(job.status).toBe("pending");
      expect(job.last_error).toMatch(/could not reach/);
      expect(await owner.trpc.message.get.query({ id: sent.id })).toMatchObject({ ack: 0, failureReason: null });

      await server.whatsapp.start();
      const delivered = await sentToWhatsApp(sent.id);
      expect(delivered.failureReason).toBeNull();
      expect((await outboxOf(sent.id))?.status).toBe("sent");
      expect((await serviceMessages(chatA.waChatId)).filter((message) => message.body === "Enviado durante a queda")).toHaveLength(1);
    }, 60_000);

    it("honours a 429's Retry-After: the send waits that long (not the short backoff), then goes once", async () => {
      await server.whatsapp.request("POST", `/api/sandbox/${accountId}/rate-limit`, { perMinute: 1 });
      const first = await owner.trpc.message.send.mutate({ chatId: chatB.id, text: "antes do limite" });
      await sentToWhatsApp(first.id);
      const second = await owner.trpc.message.send.mutate({ chatId: chatB.id, text: "depois do limite" });
      const job = await eventually(async () => {
        const row = await outboxOf(second.id);
        if (!row?.last_error) throw new Error("not refused yet");
        return row;
      });
      expect(job.last_error).toMatch(/429/);
      // Retry-After is about a minute here; the backoff alone would have tried again after 2 s.
      expect(new Date(job.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 45_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await outboxOf(second.id)).toMatchObject({ status: "pending", attempts: 1 });
      expect((await owner.trpc.message.get.query({ id: second.id })).ack).toBe(0);

      // The minute passes (moved forward in the row, the queue's truth) and the limit is lifted.
      await server.whatsapp.request("POST", `/api/sandbox/${accountId}/rate-limit`, { perMinute: null });
      await server.database.db.execute(sql`update outbox set next_attempt_at = now() where payload->>'messageId' = ${second.id}`);
      await sentToWhatsApp(second.id);
      expect((await serviceMessages(chatB.waChatId)).filter((message) => message.body === "depois do limite")).toHaveLength(1);
    }, 60_000);

    it("fails a send WhatsApp refuses for good, with a reason; retry sends it again", async () => {
      // A chat id WhatsApp does not accept: the service answers 4xx, which no retry fixes.
      await server.database.db.execute(sql`update chat set wa_chat_id = 'not-a-chat' where id = ${chatB.id}`);
      const sent = await owner.trpc.message.send.mutate({ chatId: chatB.id, text: "vai falhar" });
      const failed = await eventually(async () => {
        const message = await owner.trpc.message.get.query({ id: sent.id });
        if (message.ack !== -1) throw new Error(`ack ${message.ack}`);
        return message;
      });
      expect(failed.failureReason).toMatch(/^WhatsApp answered 4\d\d/);
      expect((await outboxOf(sent.id))?.status).toBe("failed");
      // The chat is mended as if it had been right all along: the outbox job and the message's own
      // WhatsApp id (`true_<chat>_<key>`, which the ack webhooks name) point at it again.
      await server.database.db.execute(sql`update chat set wa_chat_id = ${chatB.waChatId} where id = ${chatB.id}`);
      await server.database.db.execute(sql`update outbox set payload = jsonb_set(payload, '{chatId}', to_jsonb(${chatB.waChatId}::text)) where payload->>'messageId' = ${sent.id}`);
      await server.database.db.execute(sql`update message set wa_message_id = replace(wa_message_id, 'not-a-chat', ${chatB.waChatId}) where id = ${sent.id}`);
      await owner.trpc.message.retry.mutate({ id: sent.id });
      await sentToWhatsApp(sent.id);
    }, 40_000);
  });
}
