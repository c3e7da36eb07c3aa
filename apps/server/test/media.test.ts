import { createHash } from "node:crypto";
import { queryRows } from "@nexis/db";
import { signWebhookBody } from "@nexis/waha-client/webhooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { WahaApiClient } from "@nexis/waha-client";
import { createEventBus } from "../src/services/events/workspace-events.ts";
import { createFilesystemStorage } from "../src/services/media/fs-storage.ts";
import { createMediaDownloads, createMediaService, defaultMediaLimits } from "../src/services/media/index.ts";
import { createSecretBox } from "../src/services/secrets/secret-box.ts";
import { eventually, linkNumber } from "./support/sandbox-number.ts";
import { clientOrigin, startTestServer, testAppOptions, type TestServer, type TestUser } from "./support/server.ts";

// A 1×1 PNG, and a larger one (a real PNG signature padded with zeros) for the size limit.
const tinyPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==", "base64");
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let server: TestServer;
let alice: TestUser;
let bob: TestUser;


function upload(user: TestUser | null, bytes: Uint8Array, mimetype: string, filename: string) {
  const form = new FormData();
  form.set("file", new File([bytes], filename, { type: mimetype }));
  return fetch(`${server.baseUrl}/media`, { method: "POST", body: form, headers: user ? { authorization: `Bearer ${user.token}` } : {} });
}

const download = (id: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}/media/${id}`, { headers });
const count = async (query: ReturnType<typeof sql>) => ((await queryRows<{ n: number }>(server.database.db, query))[0]?.n ?? -1);

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = await Promise.all([server.signUp("Alice"), server.signUp("Bob")]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("POST /media and GET /media/:id", () => {
  it("stores an upload and serves it to its workspace with the right headers (cookie or bearer)", async () => {
    const response = await upload(alice, tinyPng, "image/png", "dot.png");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; mimetype: string; filename: string; size: number };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), mimetype: "image/png", filename: "dot.png", size: tinyPng.byteLength });

    const credentials: Record<string, string>[] = [{ cookie: alice.cookie }, { authorization: `Bearer ${alice.token}` }];
    for (const headers of credentials) {
      const served = await download(body.id, headers);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(tinyPng)).toBe(true);
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(served.headers.get("content-length")).toBe(String(tinyPng.byteLength));
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(served.headers.get("cache-control")).toMatch(/^private/);
      expect(served.headers.get("content-disposition")).toMatch(/^inline; filename="dot.png"/);
      expect(served.headers.get("cross-origin-resource-policy")).toBe("same-site");
    }
    const [row] = await queryRows<{ sha256: string; workspace_id: string }>(server.database.db, sql`select sha256, workspace_id from media where id = ${body.id}`);
    expect(row?.sha256).toBe(createHash("sha256").update(tinyPng).digest("hex"));
    expect(row?.workspace_id).toBe((await alice.trpc.workspace.get.query()).id);
  });

  it("serves documents as attachments with their name, and byte ranges", async () => {
    const { id } = (await (await upload(alice, pdf, "application/pdf", "Relatório março.pdf")).json()) as { id: string };
    const served = await download(id, { cookie: alice.cookie });
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe(`attachment; filename="Relat_rio mar_o.pdf"; filename*=UTF-8''${encodeURIComponent("Relatório março.pdf")}`);
    const part = await download(id, { cookie: alice.cookie, range: "bytes=0-7" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${pdf.byteLength}`);
    expect(await part.text()).toBe("%PDF-1.4");
    expect((await download(id, { cookie: alice.cookie, range: `bytes=${pdf.byteLength + 5}-` })).status).toBe(416);
  });

  it("another workspace's member gets 404, a signed-out caller 401", async () => {
    const { id } = (await (await upload(alice, tinyPng, "image/png", "private.png")).json()) as { id: string };
    const asBob = await download(id, { authorization: `Bearer ${bob.token}` });
    expect(asBob.status).toBe(404);
    expect(await download(crypto.randomUUID(), { authorization: `Bearer ${bob.token}` }).then((r) => r.status)).toBe(404);
    expect((await download(id)).status).toBe(401);
    expect((await upload(null, tinyPng, "image/png", "x.png")).status).toBe(401);
  });

  it("refuses oversize files with 413 and other types with 415, storing nothing", async () => {
    const before = await count(sql`select count(*)::int as n from media`);
    const big = Buffer.concat([tinyPng, Buffer.alloc(16 * 1024 * 1024)]);
    const oversize = await upload(alice, big, "image/png", "big.png");
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as { error: string }).error).toMatch(/at most 16 MB/);
    const html = await upload(alice, Buffer.from("<script>alert(1)</script>"), "text/html", "x.html");
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: string }).error).toMatch(/text\/html/);
    expect((await upload(alice, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/svg+xml", "x.svg")).status).toBe(415);
    // A type claimed without the bytes to match: a script named .png.
    expect((await upload(alice, Buffer.from("alert(1)"), "image/png", "fake.png")).status).toBe(415);
    expect((await upload(alice, Buffer.alloc(0), "application/pdf", "empty.pdf")).status).toBe(415);
    expect(await count(sql`select count(*)::int as n from media`)).toBe(before);
  }, 30_000);

  it("refuses a cookie-authenticated upload from another site (CSRF), accepts it from the client's origin", async () => {
    const post = (headers: Record<string, string>) => {
      const form = new FormData();
      form.set("file", new File([tinyPng], "csrf.png", { type: "image/png" }));
      return fetch(`${server.baseUrl}/media`, { method: "POST", body: form, headers: { cookie: alice.cookie, ...headers } });
    };
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
    expect((await post({ origin: clientOrigin, "sec-fetch-site": "same-site" })).status).toBe(201);
  });

  it("answers 400 for a request without a file, and 400/404 for ids that look like paths", async () => {
    const noFile = await fetch(`${server.baseUrl}/media`, { method: "POST", body: new FormData(), headers: { authorization: `Bearer ${alice.token}` } });
    expect(noFile.status).toBe(400);
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5Cwindows", "not-a-uuid", `${crypto.randomUUID()}%00.png`]) {
      expect([400, 404]).toContain((await download(id, { cookie: alice.cookie })).status);
    }
    const dotted = await fetch(`${server.baseUrl}/media/../../etc/passwd`, { headers: { cookie: alice.cookie } });
    expect([400, 404]).toContain(dotted.status);
  });
});

describe("inbound media from the WhatsApp service (SANDBOX)", () => {
  let accountId: string;
  let hmacKey: string;
  let workspaceId: string;

  const postWebhook = (body: string) =>
    fetch(`${server.baseUrl}/webhooks/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-timestamp": String(Date.now()), "x-webhook-hmac": signWebhookBody(body, hmacKey) },
      body,
    });

  beforeAll(async () => {
    workspaceId = (await alice.trpc.workspace.get.query()).id;
    accountId = await linkNumber(server, alice, "Media");
    const [row] = await queryRows<{ secret: string }>(server.database.db, sql`select webhook_secret as secret from whatsapp_account where id = ${accountId}`);
    hmacKey = createSecretBox(testAppOptions(server.database).authSecret ?? "", "whatsapp-webhook-key").open(row?.secret ?? "") ?? "";
  }, 60_000);

  it("downloads a contact's image once into storage and serves it; a replayed webhook downloads nothing", async () => {
    const sent = await server.whatsapp.request("POST", `/api/sandbox/${accountId}/inbound/media`, {
      from: "5511955554444",
      file: { mimetype: "image/png", filename: "photo.png", data: tinyPng.toString("base64") },
      caption: "look",
    });
    expect(sent.status).toBe(201);
    const waMessage = (await sent.json()) as { id: string; timestamp: number; media: { url: string; mimetype: string; filename?: string } };

    const stored = await eventually(async () => {
      const { items } = await alice.trpc.chat.list.query({ accountId });
      const chat = items.find((item) => item.waChatId === "5511955554444@c.us");
      if (!chat) throw new Error("no chat yet");
      const page = await alice.trpc.message.list.query({ chatId: chat.id });
      const message = page.items.find((item) => item.waMessageId === waMessage.id);
      if (!message?.mediaId) throw new Error("not stored yet");
      return message;
    });
    expect(stored).toMatchObject({ type: "image", body: "look", media: { status: "ready", size: tinyPng.byteLength, mimetype: "image/png" } });
    const served = await download(stored.mediaId ?? "", { cookie: alice.cookie });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(tinyPng)).toBe(true);
    expect((await download(stored.mediaId ?? "", { authorization: `Bearer ${bob.token}` })).status).toBe(404);

    // The same message again, replayed and under new event ids (as `message.any` carries it too).
    const payload = { id: waMessage.id, timestamp: waMessage.timestamp, from: "5511955554444@c.us", to: "me@c.us", fromMe: false, body: "look", hasMedia: true, media: waMessage.media, ack: 1 };
    const bodies = [
      JSON.stringify({ id: "evt_media_replay", event: "message", session: accountId, payload }),
      JSON.stringify({ id: "evt_media_replay", event: "message", session: accountId, payload }),
      ...Array.from({ length: 5 }, (_, index) => JSON.stringify({ id: `evt_media_dup_${index}`, event: "message.any", session: accountId, payload })),
    ];
    for (const body of bodies) expect((await postWebhook(body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(sql`select count(*)::int as n from media where workspace_id = ${workspaceId} and filename = 'photo.png'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from message where wa_message_id = ${waMessage.id} and media_id = ${stored.mediaId}`)).toBe(1);
  }, 30_000);

  it("sends an uploaded file: the sandbox receives the same bytes and the acks move", async () => {
    const { items } = await alice.trpc.chat.list.query({ accountId });
    const chat = items.find((item) => item.waChatId === "5511955554444@c.us");
    if (!chat) throw new Error("the inbound test's chat is missing");
    const uploaded = (await (await upload(alice, pdf, "application/pdf", "Proposta.pdf")).json()) as { id: string };
    const sent = await alice.trpc.message.send.mutate({ kind: "media", chatId: chat.id, mediaId: uploaded.id, caption: "our offer" });
    expect(sent).toMatchObject({ fromMe: true, type: "document", body: "our offer", mediaId: uploaded.id, media: { mimetype: "application/pdf", filename: "Proposta.pdf", status: "ready" } });

    const delivered = await eventually(async () => {
      const message = await alice.trpc.message.get.query({ id: sent.id });
      if (message.ack < 2) throw new Error(`ack ${message.ack}`);
      return message;
    });
    expect(delivered.ack).toBeGreaterThanOrEqual(2);
    // The WhatsApp service holds the message with our file: the bytes it serves are the upload's.
    const listed = (await (await server.whatsapp.request("GET", `/api/${accountId}/chats/5511955554444@c.us/messages?limit=20&downloadMedia=true`)).json()) as { id: string; hasMedia: boolean; media?: { url: string; mimetype: string; filename?: string } }[];
    const onPhone = listed.find((message) => message.id === delivered.waMessageId);
    expect(onPhone).toMatchObject({ hasMedia: true, media: { mimetype: "application/pdf", filename: "Proposta.pdf" } });
    const bytes = await server.whatsapp.request("GET", new URL(onPhone?.media?.url ?? "", server.whatsapp.baseUrl).pathname);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(pdf)).toBe(true);
    // The webhook for our own send stores nothing twice: still one copy of the file.
    expect(await count(sql`select count(*)::int as n from media where filename = 'Proposta.pdf'`)).toBe(1);
  }, 30_000);

  it("refuses to send another workspace's file (NOT_FOUND)", async () => {
    const { items } = await alice.trpc.chat.list.query({ accountId });
    const bobsFile = (await (await upload(bob, tinyPng, "image/png", "bob.png")).json()) as { id: string };
    await expect(alice.trpc.message.send.mutate({ kind: "media", chatId: items[0]?.id ?? "", mediaId: bobsFile.id })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  it("keeps an inbound location's coordinates for the map link", async () => {
    const payload = { id: "false_5511933332222@c.us_PLACE1", timestamp: Math.floor(Date.now() / 1000), from: "5511933332222@c.us", to: "me@c.us", fromMe: false, hasMedia: false, location: { latitude: "-23.55052", longitude: -46.633308 }, ack: 1 };
    expect((await postWebhook(JSON.stringify({ id: "evt_place_1", event: "message", session: accountId, payload }))).status).toBe(200);
    const [row] = await queryRows<{ type: string; media: unknown }>(server.database.db, sql`select type, media from message where wa_message_id = ${payload.id}`);
    expect(row).toEqual({ type: "location", media: { location: { latitude: -23.55052, longitude: -46.633308, title: null } } });
  });

  it("forwards a file to another chat: the copy shows the same stored file at once, stored once", async () => {
    const { items } = await alice.trpc.chat.list.query({ accountId });
    const from = items.find((item) => item.waChatId === "5511955554444@c.us");
    const to = items.find((item) => item.waChatId === "5511933332222@c.us");
    if (!from || !to) throw new Error("the earlier tests' chats are missing");
    const sentFile = (await alice.trpc.message.list.query({ chatId: from.id })).items.find((message) => message.body === "our offer");
    if (!sentFile?.mediaId) throw new Error("the sent file is missing");
    const forwarded = await alice.trpc.message.forward.mutate({ id: sentFile.id, chatId: to.id });
    expect(forwarded).toMatchObject({ type: "document", mediaId: sentFile.mediaId, media: { filename: "Proposta.pdf", status: "ready" } });
    const served = await fetch(`${server.baseUrl}/media/${forwarded.mediaId ?? ""}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    expect(await count(sql`select count(*)::int as n from media where filename = 'Proposta.pdf'`)).toBe(1);
  });

  it("retries a failing download a few times, then stores it once; gives up with the reason when it keeps failing", async () => {
    const media = createMediaService({ db: server.database.db, storage: createFilesystemStorage(await mkdtemp(path.join(tmpdir(), "nexis-media-retry-"))), limits: defaultMediaLimits });
    /** A message row with a file to download, as the ingest stores one. */
    const insertMessage = async (key: string) => {
      const [row] = await queryRows<{ id: string }>(
        server.database.db,
        sql`insert into message (id, workspace_id, account_id, chat_id, wa_message_id, from_me, type, ack, timestamp, media)
            select gen_random_uuid()::text, workspace_id, account_id, chat_id, ${`false_5511955554444@c.us_${key}`}, false, 'image', 1, timestamp, ${JSON.stringify({ url: `/api/files/${accountId}/false_x@c.us_${key}.png`, mimetype: "image/png" })}::jsonb
            from message where workspace_id = ${workspaceId} limit 1 returning id`,
      );
      return row?.id ?? "";
    };
    const run = async (answers: number[]) => {
      const calls: string[] = [];
      const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
        calls.push(`${String(input)} ${new Headers(init?.headers).get("x-api-key")}`);
        const status = answers[Math.min(calls.length - 1, answers.length - 1)] ?? 503;
        return status === 200 ? new Response(tinyPng, { headers: { "content-type": "image/png" } }) : new Response("busy", { status });
      }) as typeof fetch;
      const client = new WahaApiClient({ baseUrl: "http://whatsapp.invalid:8788", apiKey: "the-key", fetch: fetchStub });
      const events = createEventBus();
      const published: unknown[] = [];
      events.local.on(workspaceId, (stamped: { event: unknown }) => published.push(stamped.event));
      const downloads = createMediaDownloads({ db: server.database.db, media, client, events, retries: 3, retryDelayMs: 10 });
      return { calls, downloads, published };
    };

    const flaky = await run([503, 502, 200]);
    const first = await insertMessage("RETRY1");
    flaky.downloads.enqueue(workspaceId, first);
    flaky.downloads.enqueue(workspaceId, first); // queued once
    await flaky.downloads.idle();
    expect(flaky.calls).toEqual(Array(3).fill(`http://whatsapp.invalid:8788/api/files/${accountId}/false_x@c.us_RETRY1.png the-key`));
    const [stored] = await queryRows<{ media_id: string | null; media: { status: string } }>(server.database.db, sql`select media_id, media from message where id = ${first}`);
    expect(stored?.media.status).toBe("ready");
    expect(stored?.media_id).not.toBeNull();
    // The bubble is told to refresh.
    expect(flaky.published).toEqual([{ type: "message", chatId: expect.any(String), messageId: first }]);
    flaky.downloads.enqueue(workspaceId, first); // already stored: not fetched again
    await flaky.downloads.idle();
    expect(flaky.calls).toHaveLength(3);

    const down = await run([503]);
    const second = await insertMessage("RETRY2");
    down.downloads.enqueue(workspaceId, second);
    await down.downloads.idle();
    expect(down.calls).toHaveLength(4); // the first try and three retries
    const [failed] = await queryRows<{ media_id: string | null; media: { status: string; reason: string } }>(server.database.db, sql`select media_id, media from message where id = ${second}`);
    expect(failed).toMatchObject({ media_id: null, media: { status: "unavailable", reason: expect.stringMatching(/503/) } });
    expect(down.published).toEqual([{ type: "message", chatId: expect.any(String), messageId: second }]);
  });

  it("marks media unavailable with a reason when the service has no such file, or the URL is not one of its files", async () => {
    const cases = [
      { key: "MISSING1", url: `http://127.0.0.1:1/api/files/${accountId}/false_5511944443333@c.us_MISSING1.png`, reason: /404/ },
      { key: "ELSEWHERE1", url: "http://169.254.169.254/latest/meta-data", reason: /not a file of the WhatsApp service/ },
    ];
    for (const { key, url } of cases) {
      const payload = { id: `false_5511944443333@c.us_${key}`, timestamp: Math.floor(Date.now() / 1000), from: "5511944443333@c.us", to: "me@c.us", fromMe: false, hasMedia: true, media: { url, mimetype: "image/png", filename: null }, ack: 1 };
      const answer = await postWebhook(JSON.stringify({ id: `evt_${key}`, event: "message", session: accountId, payload }));
      expect(answer.status).toBe(200);
    }
    for (const { key, reason } of cases) {
      const media = await eventually(async () => {
        const [row] = await queryRows<{ media: { status?: string; reason?: string }; media_id: string | null }>(
          server.database.db,
          sql`select media, media_id from message where wa_message_id = ${`false_5511944443333@c.us_${key}`}`,
        );
        if (row?.media.status !== "unavailable") throw new Error("not given up yet");
        expect(row.media_id).toBeNull();
        return row.media;
      });
      expect(media.reason).toMatch(reason);
    }
  }, 30_000);
});
