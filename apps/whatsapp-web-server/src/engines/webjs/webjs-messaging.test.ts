import { describe, expect, test } from "bun:test";
import type { Client } from "whatsapp-web.js";
import { HttpError } from "../../errors.ts";
import { WebjsMessaging } from "./webjs-messaging.ts";

// WhatsApp Web cannot load here, so whatsapp-web.js's client is replaced by a plain object with
// the few methods these operations call, shaped like the library's answers.

const me = "15550001111@c.us";
const ana = "5511999999999@c.us";

const id = (fromMe: boolean, chat: string, key: string) => ({ fromMe, remote: chat, id: key, _serialized: `${fromMe}_${chat}_${key}` });

function message(fromMe: boolean, chat: string, key: string, body: string, timestamp: number) {
  return { id: id(fromMe, chat, key), timestamp, from: fromMe ? me : chat, to: fromMe ? chat : me, fromMe, body, hasMedia: false, ack: 1, type: "chat", vCards: [], hasQuotedMsg: false, _data: {} };
}

const chat = (serialized: string, name: string, timestamp: number, isGroup = false) => ({
  id: { server: serialized.split("@")[1], user: serialized.split("@")[0], _serialized: serialized },
  name,
  isGroup,
  unreadCount: 0,
  timestamp,
  archived: false,
  pinned: false,
});

function fakeClient() {
  const sent: Array<{ chatId: string; content: unknown; options: unknown }> = [];
  const stored = message(false, ana, "3EB0IN", "hi", 1_760_000_000);
  const client = {
    sendMessage: async (chatId: string, content: unknown, options: unknown) => {
      sent.push({ chatId, content, options });
      return message(true, chatId, `3EB0OUT${sent.length}`, typeof content === "string" ? content : "", 1_760_000_100);
    },
    getMessageById: async (messageId: string) => (messageId === stored.id._serialized ? stored : undefined),
    getChats: async () => [
      chat(ana, "Ana", 1_760_000_050),
      chat("5511888888888@c.us", "Bruno", 1_760_000_200),
      {
        ...chat("120363000000000001@g.us", "Team", 1_760_000_100, true),
        owner: { _serialized: me },
        createdAt: new Date(1_700_000_000_000),
        description: "",
        participants: [{ id: { _serialized: me }, isAdmin: true, isSuperAdmin: true }],
      },
    ],
    getNumberId: async (number: string) => (number === "5511999999999" ? { _serialized: ana } : null),
  };
  return { client: client as unknown as Client, sent };
}

describe("WebjsMessaging", () => {
  test("sends a reply without marking the chat read, and remembers it came from the API", async () => {
    const { client, sent } = fakeClient();
    const messaging = new WebjsMessaging(() => client);
    const reply = await messaging.sendText({ session: "s", chatId: ana, text: "hello", reply_to: `false_${ana}_3EB0IN` });
    expect(sent).toEqual([{ chatId: ana, content: "hello", options: { sendSeen: false, quotedMessageId: `false_${ana}_3EB0IN` } }]);
    expect(reply).toMatchObject({ id: `true_${ana}_3EB0OUT1`, fromMe: true, source: "api", body: "hello" });
    expect(messaging.sourceOf(reply.id)).toBe("api");
    expect(messaging.sourceOf(`false_${ana}_3EB0IN`)).toBe("app");
  });

  test("finds a message only in its own chat (404 otherwise, as the routes expect)", async () => {
    const messaging = new WebjsMessaging(() => fakeClient().client);
    expect(await messaging.get({ session: "s", chatId: ana, messageId: `false_${ana}_3EB0IN` })).toMatchObject({ body: "hi", source: "app" });
    const elsewhere = messaging.get({ session: "s", chatId: "5511888888888@c.us", messageId: `false_${ana}_3EB0IN` });
    await expect(elsewhere).rejects.toBeInstanceOf(HttpError);
    await expect(messaging.get({ session: "s", chatId: ana, messageId: "nope" })).rejects.toThrow("Message 'nope' not found");
  });

  test("sorts and pages chats, keys groups by id, and checks numbers", async () => {
    const messaging = new WebjsMessaging(() => fakeClient().client);
    const newestFirst = await messaging.chats({ sortBy: "conversationTimestamp", sortOrder: "desc", limit: 2, offset: 0 });
    expect(newestFirst.map((info) => info.name)).toEqual(["Bruno", "Team"]);
    const overview = await messaging.chatsOverview({ limit: 10, offset: 0, ids: [ana] });
    expect(overview.map((summary) => summary.id)).toEqual([ana]);
    const groups = await messaging.groups({ sortOrder: "asc", limit: 10, offset: 0, excludeParticipants: false });
    expect(Object.keys(groups)).toEqual(["120363000000000001@g.us"]);
    expect(groups["120363000000000001@g.us"]?.participants).toEqual([{ id: me, admin: "superadmin" }]);
    expect(await messaging.checkNumber("+55 11 99999-9999")).toEqual({ numberExists: true, chatId: ana });
    expect(await messaging.checkNumber("5511000000000")).toEqual({ numberExists: false });
  });
});
