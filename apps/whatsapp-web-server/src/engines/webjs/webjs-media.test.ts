import { describe, expect, test } from "bun:test";
import { type Client, type Message, MessageMedia } from "whatsapp-web.js";
import { HttpError } from "../../errors.ts";
import { checkResponse } from "../../waha/contract-validator.ts";
import type { MediaKind, SendMediaRequest } from "../../waha/types.ts";
import { forwardMessage, type ForwardTarget } from "./webjs-forward.ts";
import { WebjsMessaging } from "./webjs-messaging.ts";

// WhatsApp Web cannot load here, so whatsapp-web.js's client is a plain object with the methods
// the media sends and forwards call, answering what the library answers.

const me = "15550001111@c.us";
const ana = "5511999999999@c.us";
const bruno = "5511888888888@c.us";
const photoId = `false_${ana}_3EB0PHOTO`;
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A message as whatsapp-web.js builds it; a fresh media send has no `directPath` yet, so no `hasMedia`. */
function message(fromMe: boolean, chat: string, key: string, type: string, extra: Partial<Message> & { _data?: Record<string, unknown> } = {}) {
  return {
    id: { fromMe, remote: chat, id: key, _serialized: `${fromMe}_${chat}_${key}` },
    timestamp: 1_760_000_000,
    from: fromMe ? me : chat,
    to: fromMe ? chat : me,
    fromMe,
    body: "",
    hasMedia: false,
    ack: 0,
    type,
    vCards: [],
    hasQuotedMsg: false,
    _data: {},
    ...extra,
  } as unknown as Message;
}

const wwebjsTypes: Record<MediaKind, string> = { image: "image", file: "document", voice: "ptt", video: "video" };

function fakeClient() {
  const sent: Array<{ chatId: string; content: unknown; options: unknown }> = [];
  const forwards: Array<{ messageId: string; chatId: string }> = [];
  // Each chat's messages, oldest first, as `fetchMessages` answers them.
  const chats = new Map<string, Message[]>([
    [ana, []],
    [bruno, [message(true, bruno, "3EB0OLDPHOTO", "image", { hasMedia: true, body: "older" })]],
  ]);
  const photo = message(false, ana, "3EB0PHOTO", "image", {
    hasMedia: true,
    body: "look",
    _data: { mimetype: "image/jpeg", caption: "look" },
    forward: async (chat: string | { id: { _serialized: string } }) => {
      const chatId = typeof chat === "string" ? chat : chat.id._serialized;
      forwards.push({ messageId: photoId, chatId });
      chats.get(chatId)?.push(message(true, chatId, "3EB0FWD", "image", { hasMedia: true, body: "look", _data: { isForwarded: true } }));
    },
  });
  const client = {
    sendMessage: async (chatId: string, content: MessageMedia, options: { caption?: string; sendAudioAsVoice?: boolean; sendMediaAsDocument?: boolean }) => {
      sent.push({ chatId, content, options });
      const kind: MediaKind = options.sendMediaAsDocument ? "file" : options.sendAudioAsVoice ? "voice" : content.mimetype.startsWith("video/") ? "video" : "image";
      // The raw body of a media message is its base64 thumbnail; the caption is apart.
      return message(true, chatId, `3EB0OUT${sent.length}`, wwebjsTypes[kind], { body: "/9j/4AAQSkZJRg", _data: { caption: options.caption, mimetype: content.mimetype } });
    },
    getMessageById: async (messageId: string) => (messageId === photoId ? photo : undefined),
    getChatById: async (chatId: string) => {
      const messages = chats.get(chatId);
      if (!messages) return undefined;
      return {
        id: { _serialized: chatId },
        fetchMessages: async ({ limit, fromMe }: { limit: number; fromMe?: boolean }) => messages.filter((each) => fromMe === undefined || each.fromMe === fromMe).slice(-limit),
      };
    },
  };
  return { client: client as unknown as Client, sent, forwards };
}

const request = (kind: MediaKind, mimetype: string, extra: Partial<SendMediaRequest> = {}): SendMediaRequest => ({
  session: "s",
  chatId: ana,
  kind,
  file: { bytes: png, mimetype, filename: "dot.png" },
  ...extra,
});

describe("WEBJS media sends", () => {
  test("sendImage hands whatsapp-web.js a MessageMedia with the caption and the quoted message", async () => {
    const { client, sent } = fakeClient();
    const messaging = new WebjsMessaging(() => client);
    const answer = await messaging.sendMedia(request("image", "image/png", { caption: "a dot", reply_to: photoId }));
    expect(sent).toHaveLength(1);
    const [{ chatId, content, options }] = sent as [(typeof sent)[number]];
    expect(chatId).toBe(ana);
    expect(content).toBeInstanceOf(MessageMedia);
    expect(content).toMatchObject({ mimetype: "image/png", data: Buffer.from(png).toString("base64"), filename: "dot.png" });
    expect(options).toEqual({ sendSeen: false, sendAudioAsVoice: false, sendMediaAsDocument: false, caption: "a dot", quotedMessageId: photoId });
    expect(answer).toMatchObject({ id: `true_${ana}_3EB0OUT1`, fromMe: true, to: ana, source: "api", body: "a dot", hasMedia: true });
    // The service does not serve WEBJS files, so there is no `media` to point at (see the README).
    expect(answer.media).toBeUndefined();
    expect(answer.mediaUrl).toBeUndefined();
    expect(messaging.sourceOf(answer.id)).toBe("api");
    expect(checkResponse("POST /api/forwardMessage", 201, "application/json", answer)).toEqual([]);
  });

  test("a file goes as a document, a voice note as voice, a video as video; no caption, no reply", async () => {
    const { client, sent } = fakeClient();
    const messaging = new WebjsMessaging(() => client);
    const file = await messaging.sendMedia(request("file", "application/pdf", { file: { bytes: png, mimetype: "application/pdf", filename: null } }));
    // Bytes that are a view into a larger buffer (as decoded request bodies can be) send only themselves.
    const padded = Uint8Array.from([0, 0, ...png]).subarray(2);
    const voice = await messaging.sendMedia(request("voice", "audio/ogg; codecs=opus", { file: { bytes: padded, mimetype: "audio/ogg; codecs=opus", filename: "note.ogg" } }));
    const video = await messaging.sendMedia(request("video", "video/mp4"));
    expect(sent.map((send) => send.options)).toEqual([
      { sendSeen: false, sendAudioAsVoice: false, sendMediaAsDocument: true },
      { sendSeen: false, sendAudioAsVoice: true, sendMediaAsDocument: false },
      { sendSeen: false, sendAudioAsVoice: false, sendMediaAsDocument: false },
    ]);
    expect(sent.map((send) => (send.content as MessageMedia).mimetype)).toEqual(["application/pdf", "audio/ogg; codecs=opus", "video/mp4"]);
    expect((sent[0]?.content as MessageMedia).filename).toBeNull();
    expect((sent[1]?.content as MessageMedia).data).toBe(Buffer.from(png).toString("base64"));
    for (const answer of [file, voice, video]) {
      expect(answer).toMatchObject({ fromMe: true, source: "api", body: "", hasMedia: true });
      expect(checkResponse("POST /api/forwardMessage", 201, "application/json", answer)).toEqual([]);
    }
  });
});

describe("WEBJS forwardMessage", () => {
  test("forwards the message found by id and answers its copy in the target chat", async () => {
    const { client, forwards } = fakeClient();
    const messaging = new WebjsMessaging(() => client);
    const copy = await messaging.forward({ session: "s", chatId: bruno, messageId: photoId });
    expect(forwards).toEqual([{ messageId: photoId, chatId: bruno }]);
    expect(copy).toMatchObject({ id: `true_${bruno}_3EB0FWD`, fromMe: true, to: bruno, source: "api", body: "look", hasMedia: true, _data: { isForwarded: true } });
    expect(messaging.sourceOf(copy.id)).toBe("api");
    expect(checkResponse("POST /api/forwardMessage", 201, "application/json", copy)).toEqual([]);
  });

  test("an unknown message or chat is a 404, and nothing is forwarded", async () => {
    const { client, forwards } = fakeClient();
    const messaging = new WebjsMessaging(() => client);
    const unknownMessage = messaging.forward({ session: "s", chatId: bruno, messageId: `false_${ana}_NOPE` });
    await expect(unknownMessage).rejects.toMatchObject({ statusCode: 404, message: `Message 'false_${ana}_NOPE' not found` });
    const unknownChat = messaging.forward({ session: "s", chatId: "5511000000000@c.us", messageId: photoId });
    await expect(unknownChat).rejects.toMatchObject({ statusCode: 404, message: "Chat '5511000000000@c.us' not found" });
    expect(forwards).toEqual([]);
  });

  test("a copy that never shows is a 500 saying the forward went out, so nobody sends it twice", async () => {
    const chat: ForwardTarget = { id: { _serialized: bruno }, fetchMessages: async () => [] };
    let forwarded = 0;
    const original = { type: "chat", forward: async () => void forwarded++ } as unknown as Message;
    const failure = forwardMessage(original, chat, 0);
    await expect(failure).rejects.toBeInstanceOf(HttpError);
    await expect(failure).rejects.toMatchObject({ statusCode: 500, message: expect.stringContaining("forwarding it again would send it twice") });
    expect(forwarded).toBe(1);
  });
});
