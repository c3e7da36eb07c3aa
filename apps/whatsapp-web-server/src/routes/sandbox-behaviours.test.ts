import { describe, expect, test } from "bun:test";
import { type ContactBehaviour, sandboxDirectory } from "../engines/sandbox/sandbox-directory.ts";
import { simulatedPhoneNumber } from "../engines/sandbox/simulated-phone.ts";
import { api, createTestApp, startWebhookReceiver, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;

const contactWith = (session: string, behaviour: ContactBehaviour) => {
  const contact = sandboxDirectory(simulatedPhoneNumber(session)).contacts.find((candidate) => candidate.behaviour === behaviour);
  if (!contact) throw new Error(`no ${behaviour} contact`);
  return contact.id;
};

describe("simulated contacts answer as their behaviour says", () => {
  test("one replies after typing, one reacts, one reads, one never reads", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "pals", config: { webhooks: [{ url: receiver.url, events: ["*"] }] } });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/pals")).json()) as Json).status === "SCAN_QR_CODE");
    await api(app, "POST", "/api/sandbox/pals/scan");

    const sent: Record<ContactBehaviour, string> = { replies: "", reacts: "", reads: "", silent: "" };
    for (const behaviour of Object.keys(sent) as ContactBehaviour[]) {
      const response = await api(app, "POST", "/api/sendText", { session: "pals", chatId: contactWith("pals", behaviour), text: `hello ${behaviour}` });
      sent[behaviour] = ((await response.json()) as { id: string }).id;
    }
    await waitFor(() => receiver.events("message").length >= 1 && receiver.events("message.reaction").length >= 1, 2_000, "reply and reaction");
    // Give the silent contact time it would have needed to read, had it wanted to.
    await Bun.sleep(50);

    const acksOf = (id: string) => receiver.events("message.ack").filter((hook) => hook.body.payload.id === id).map((hook) => hook.body.payload.ackName);
    expect(acksOf(sent.replies)).toEqual(["SERVER", "DEVICE", "READ"]);
    expect(acksOf(sent.reads)).toEqual(["SERVER", "DEVICE", "READ"]);
    expect(acksOf(sent.silent)).toEqual(["SERVER", "DEVICE"]);

    const replier = contactWith("pals", "replies");
    const sequence = receiver.received
      .filter((hook) => ["presence.update", "message"].includes(hook.body.event))
      .map((hook) => (hook.body.event === "message" ? `message from ${String(hook.body.payload.from)}` : `${hook.body.event}`));
    expect(sequence).toEqual(["presence.update", "presence.update", `message from ${replier}`]);
    const presences = receiver.events("presence.update").map((hook) => (hook.body.payload.presences as Array<{ lastKnownPresence: string }>)[0]?.lastKnownPresence);
    expect(presences).toEqual(["typing", "paused"]);

    const reactions = receiver.events("message.reaction");
    expect(reactions).toHaveLength(1);
    expect(reactions[0]?.body.payload).toMatchObject({ fromMe: false, from: contactWith("pals", "reacts"), reaction: { messageId: sent.reacts } });

    // The reply is a real inbound message: unread in its chat until read.
    const chats = (await (await api(app, "GET", "/api/pals/chats")).json()) as Json[];
    expect(chats.find((chat) => chat.id === replier)).toMatchObject({ unreadCount: 1 });
  });
});
