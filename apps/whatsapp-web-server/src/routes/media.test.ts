import { describe, expect, test } from "bun:test";
import { createApp } from "../app.ts";
import { api, closeTestRuntime, createTempDataDir, createTestApp, createTestRuntime, request, testApiKey, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;
type App = ReturnType<typeof createTestApp>;

const tinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const chatId = "5511999999999@c.us";

async function linked(app: App, name: string) {
  await api(app, "POST", "/api/sessions", { name });
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === "SCAN_QR_CODE");
  await api(app, "POST", `/api/sandbox/${name}/scan`);
}

/** The path of a `media.url` (the app is driven in-process, so the host does not matter). */
const pathOf = (url: string) => new URL(url).pathname;

async function download(app: App, url: string) {
  const response = await request(app, pathOf(url), { headers: { "X-Api-Key": testApiKey } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("media sends on the sandbox", () => {
  test("sendImage with base64 data: WAMessage with media, and the file is served", async () => {
    const app = createTestApp({ sandbox: { chatHistory: false } });
    await linked(app, "media");
    const sent = await api(app, "POST", "/api/sendImage", { session: "media", chatId, file: { mimetype: "image/png", filename: "dot.png", data: tinyPng }, caption: "a dot" });
    expect(sent.status).toBe(201);
    const message = (await sent.json()) as Json & { media: { url: string } };
    expect(message).toMatchObject({ fromMe: true, hasMedia: true, body: "a dot", ackName: "PENDING", media: { mimetype: "image/png", filename: "dot.png" } });
    expect(message.media.url).toBe(`http://localhost:8788/api/files/media/${message.id as string}.png`);
    expect(message.mediaUrl).toBe(message.media.url);

    const { response, bytes } = await download(app, message.media.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(bytes).toString("base64")).toBe(tinyPng);
    const listed = (await (await api(app, "GET", `/api/media/chats/${chatId}/messages`)).json()) as Json[];
    expect(listed[0]).toMatchObject({ id: message.id, hasMedia: true });
  });

  test("sendFile by url downloads it; voice and video check their types", async () => {
    const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("%PDF-1.4 hello", { headers: { "Content-Type": "application/pdf" } }) });
    try {
      const app = createTestApp({ sandbox: { chatHistory: false } });
      await linked(app, "files");
      const url = `http://127.0.0.1:${server.port}/report.pdf`;
      const sent = await api(app, "POST", "/api/sendFile", { session: "files", chatId, file: { url, mimetype: "application/pdf", filename: "report.pdf" } });
      expect(sent.status).toBe(201);
      const message = (await sent.json()) as { media: { url: string } };
      const { response, bytes } = await download(app, message.media.url);
      expect(new TextDecoder().decode(bytes)).toBe("%PDF-1.4 hello");
      expect(response.headers.get("content-disposition")).toStartWith("inline");

      const voice = await api(app, "POST", "/api/sendVoice", { session: "files", chatId, file: { mimetype: "image/png", data: tinyPng }, convert: false });
      expect(voice.status).toBe(400);
      expect(((await voice.json()) as Json).message).toContain("file.mimetype");
      const video = await api(app, "POST", "/api/sendVideo", { session: "files", chatId, file: { mimetype: "video/mp4", filename: "v.mp4", data: "AAAAIGZ0eXA=" }, convert: false });
      expect(video.status).toBe(201);
      const missing = await api(app, "POST", "/api/sendFile", { session: "files", chatId, file: { url: `http://127.0.0.1:${server.port}/x`, data: "AAAA", mimetype: "text/plain" } });
      expect(((await missing.json()) as Json).message).toContain("file.url: needs either url or data");
    } finally {
      void server.stop(true);
    }
  });

  test("refuses a file over the size limit with a clear 400, and a bad file name or key", async () => {
    const app = createTestApp({ sandbox: { chatHistory: false } });
    await linked(app, "big");
    const tooBig = "A".repeat(Math.ceil(((16 * 1024 * 1024 + 10) * 4) / 3));
    const sent = await api(app, "POST", "/api/sendImage", { session: "big", chatId, file: { mimetype: "image/jpeg", data: tooBig } });
    expect(sent.status).toBe(400);
    expect(((await sent.json()) as Json).message).toBe("file.data: the file is larger than the 16 MB limit for image");
    expect((await api(app, "GET", "/api/files/big/..%2Fstate.sqlite")).status).toBe(400);
    expect((await api(app, "GET", "/api/files/big/%E0%A4%A")).status).toBe(400);
    expect((await api(app, "GET", `/api/files/big/true_${chatId}_3EB0AAAA.png`)).status).toBe(404);
    expect((await request(app, `/api/files/big/true_${chatId}_3EB0AAAA.png`)).status).toBe(401);
  });

  test("inbound media from a contact, then forwarded with its media", async () => {
    const app = createTestApp({ sandbox: { chatHistory: false } });
    await linked(app, "fwd");
    const inbound = await api(app, "POST", "/api/sandbox/fwd/inbound/media", { from: "5511988887777", file: { mimetype: "image/png", filename: "p.png", data: tinyPng }, caption: "photo" });
    expect(inbound.status).toBe(201);
    const received = (await inbound.json()) as Json & { id: string; media: { url: string } };
    expect(received).toMatchObject({ fromMe: false, hasMedia: true, body: "photo", from: "5511988887777@c.us" });
    expect((await download(app, received.media.url)).response.status).toBe(200);

    const forwarded = await api(app, "POST", "/api/forwardMessage", { session: "fwd", chatId, messageId: received.id });
    expect(forwarded.status).toBe(201);
    expect(await forwarded.json()).toMatchObject({ fromMe: true, to: chatId, body: "photo", hasMedia: true, media: { url: received.media.url } });
    const unknown = await api(app, "POST", "/api/forwardMessage", { session: "fwd", chatId, messageId: `false_${chatId}_NOPE` });
    expect(unknown.status).toBe(404);

    // Deleting a chat takes it out of the list, messages and all.
    expect((await api(app, "DELETE", `/api/fwd/chats/${chatId}`)).status).toBe(200);
    const chats = (await (await api(app, "GET", "/api/fwd/chats")).json()) as Json[];
    expect(chats.map((chat) => chat.id)).toEqual(["5511988887777@c.us"]);
  });
});

describe("sandbox persistence", () => {
  test("chats, messages, acks, marks and media survive a restart on the same data dir", async () => {
    const dataDir = createTempDataDir();
    const first = createTestRuntime({ dataDir, sandbox: { chatHistory: false } });
    const app = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: first });
    await linked(app, "keep");
    const text = (await (await api(app, "POST", "/api/sendText", { session: "keep", chatId, text: "still here?" })).json()) as Json;
    const image = (await (await api(app, "POST", "/api/sendImage", { session: "keep", chatId, file: { mimetype: "image/png", data: tinyPng } })).json()) as Json & { media: { url: string } };
    await api(app, "POST", "/api/sandbox/keep/inbound", { from: "5511988887777", text: "unread one" });
    await api(app, "POST", `/api/keep/chats/${chatId}/archive`);
    await waitFor(async () => {
      const messages = (await (await api(app, "GET", `/api/keep/chats/${chatId}/messages?filter.fromMe=true`)).json()) as Json[];
      return messages.every((message) => message.ackName === "READ");
    }, 2_000, "acks");
    // Sent while the phone is offline: still PENDING when the service stops.
    await api(app, "POST", "/api/sandbox/keep/phone", { online: false });
    const late = (await (await api(app, "POST", "/api/sendText", { session: "keep", chatId, text: "sent offline" })).json()) as Json;
    await closeTestRuntime(first);

    const second = createTestRuntime({ dataDir, sandbox: { chatHistory: false } });
    await second.start();
    const restarted = createApp({ apiKey: testApiKey, engine: "SANDBOX", runtime: second });
    await waitFor(async () => ((await (await api(restarted, "GET", "/api/sessions/keep")).json()) as Json).status === "WORKING", 2_000, "WORKING");
    const messages = (await (await api(restarted, "GET", `/api/keep/chats/${chatId}/messages?sortOrder=asc`)).json()) as Json[];
    expect(messages.slice(0, 2).map((message) => [message.id, message.ackName])).toEqual([
      [text.id, "READ"],
      [image.id, "READ"],
    ]);
    // Back online after the restart, the pending message gets its remaining acks.
    await waitFor(async () => {
      const message = (await (await api(restarted, "GET", `/api/keep/chats/${chatId}/messages/${late.id as string}`)).json()) as Json;
      return message.ackName === "READ";
    }, 2_000, "acks resumed after the restart");
    const chats = (await (await api(restarted, "GET", "/api/keep/chats")).json()) as Json[];
    expect(chats.find((chat) => chat.id === chatId)).toMatchObject({ archived: true });
    expect(chats.find((chat) => chat.id === "5511988887777@c.us")).toMatchObject({ unreadCount: 1 });
    expect((await download(restarted, image.media.url)).response.status).toBe(200);

    // Logging out unlinks the device: its chats and media are gone.
    await api(restarted, "POST", "/api/sessions/keep/logout");
    expect((await download(restarted, image.media.url)).response.status).toBe(404);
  });
});
