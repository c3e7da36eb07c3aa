import { describe, expect, test } from "bun:test";
import {
  disconnectReason,
  formatPairingCode,
  statusOfState,
  toAckBody,
  toChatInfo,
  toChatSummary,
  toEdited,
  toGroupInfo,
  toMe,
  toReaction,
  toRevoked,
  toSentMessage,
  toVcard,
  toWAContact,
  toWAMessage,
  type WebjsMessage,
} from "./webjs-adapter.ts";

const me = "15550001111@c.us";
const contact = "5511999999999@c.us";
const group = "120363000000000001@g.us";

/** A message as whatsapp-web.js hands it over (only the fields the adapter reads). */
function wwebjsMessage(overrides: Partial<WebjsMessage> = {}): WebjsMessage {
  return {
    id: { fromMe: false, remote: contact, id: "3EB0AAAA", _serialized: `false_${contact}_3EB0AAAA` },
    timestamp: 1_760_000_000,
    from: contact,
    to: me,
    fromMe: false,
    body: "hello",
    hasMedia: false,
    ack: 1,
    type: "chat",
    location: undefined as unknown as WebjsMessage["location"],
    vCards: [],
    hasQuotedMsg: false,
    _data: { notifyName: "Ana" },
    ...overrides,
  } as WebjsMessage;
}

describe("WEBJS adapter: messages", () => {
  test("a received text becomes a WAMessage with WAHA's ids, ack name and raw data", () => {
    expect(toWAMessage(wwebjsMessage())).toEqual({
      id: `false_${contact}_3EB0AAAA`,
      timestamp: 1_760_000_000,
      from: contact,
      fromMe: false,
      source: "app",
      to: me,
      body: "hello",
      hasMedia: false,
      ack: 1,
      ackName: "SERVER",
      _data: { notifyName: "Ana" },
    });
  });

  test("a group message names its sender as participant, and our API sends say so in source", () => {
    const message = toWAMessage(wwebjsMessage({ from: group, author: contact }), "api");
    expect(message).toMatchObject({ from: group, participant: contact, source: "api" });
  });

  test("a reply carries the quoted message from whatsapp-web.js's raw data", () => {
    const reply = wwebjsMessage({
      hasQuotedMsg: true,
      _data: { quotedStanzaID: "3EB0QUOTED", quotedParticipant: { _serialized: me }, quotedMsg: { body: "original", type: "chat" } },
    });
    expect(toWAMessage(reply).replyTo).toEqual({ id: "3EB0QUOTED", participant: me, body: "original", hasMedia: false });
    const mediaReply = wwebjsMessage({ hasQuotedMsg: true, _data: { quotedStanzaID: "3EB0IMG", quotedMsg: { type: "image" } } });
    expect(toWAMessage(mediaReply).replyTo).toEqual({ id: "3EB0IMG", body: "", hasMedia: true });
  });

  test("locations carry their coordinates as strings, contact cards their vCards", () => {
    const location = wwebjsMessage({
      type: "location" as WebjsMessage["type"],
      location: { latitude: "38.7223", longitude: "-9.1393", name: "Lisbon", description: "Lisbon" } as WebjsMessage["location"],
    });
    expect(toWAMessage(location).location).toEqual({ latitude: "38.7223", longitude: "-9.1393", live: false, name: "Lisbon", description: "Lisbon" });
    const card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD";
    expect(toWAMessage(wwebjsMessage({ type: "vcard" as WebjsMessage["type"], vCards: [card] })).vCards).toEqual([card]);
  });

  test("a received photo has media and its caption as body, with no media object (the service serves no WEBJS files)", () => {
    const data = { mimetype: "image/jpeg", filename: undefined, size: 48_213, caption: "look", notifyName: "Ana" };
    const photo = toWAMessage(wwebjsMessage({ type: "image" as WebjsMessage["type"], hasMedia: true, body: "look", _data: data }));
    expect(photo).toMatchObject({ hasMedia: true, body: "look", _data: { mimetype: "image/jpeg", size: 48_213 } });
    expect(photo).not.toHaveProperty("media");
    expect(photo).not.toHaveProperty("mediaUrl");
  });

  test("media whatsapp-web.js cannot download (no directPath) keeps its caption as body, not the base64 thumbnail", () => {
    const document = wwebjsMessage({ type: "document" as WebjsMessage["type"], hasMedia: false, body: "/9j/4AAQSkZJRg", _data: { caption: "the contract" } });
    expect(toWAMessage(document)).toMatchObject({ hasMedia: false, body: "the contract" });
    const voice = wwebjsMessage({ type: "ptt" as WebjsMessage["type"], hasMedia: false, body: "T2dnUw", _data: {} });
    expect(toWAMessage(voice).body).toBe("");
  });

  test("a message we just sent is from the API, with media as its sender says", () => {
    const sent = wwebjsMessage({ fromMe: true, from: me, to: contact, type: "video" as WebjsMessage["type"], hasMedia: false, body: "AAAA", _data: { caption: "clip" } });
    expect(toSentMessage(sent, true)).toMatchObject({ source: "api", hasMedia: true, body: "clip" });
    expect(toSentMessage(wwebjsMessage(), false)).toMatchObject({ source: "api", hasMedia: false, body: "hello" });
  });

  test("acks map to WAHA's names; a level WAHA does not know counts as PENDING", () => {
    const ours = wwebjsMessage({ id: { fromMe: true, remote: contact, id: "3EB0MINE", _serialized: `true_${contact}_3EB0MINE` }, fromMe: true, from: me, to: contact });
    expect(toAckBody(ours, 3)).toEqual({ id: `true_${contact}_3EB0MINE`, from: me, to: contact, fromMe: true, ack: 3, ackName: "READ" });
    expect(toAckBody(ours, -1)).toMatchObject({ ack: -1, ackName: "ERROR" });
    expect(toAckBody(ours, 4)).toMatchObject({ ack: 4, ackName: "PLAYED" });
    expect(toAckBody(ours, 7)).toMatchObject({ ack: 0, ackName: "PENDING" });
  });

  test("an edit is the message with its new text and the original's key", () => {
    expect(toEdited(wwebjsMessage(), "hello again")).toMatchObject({ body: "hello again", editedMessageId: "3EB0AAAA", id: `false_${contact}_3EB0AAAA` });
  });

  test("a revoke names the original, with the message before when whatsapp-web.js still has it", () => {
    const after = wwebjsMessage({ id: { fromMe: false, remote: contact, id: "3EB0NOTICE", _serialized: `false_${contact}_3EB0NOTICE` }, body: "", type: "revoked" as WebjsMessage["type"] });
    const revoked = toRevoked(after, wwebjsMessage());
    expect(revoked.revokedMessageId).toBe("3EB0AAAA");
    expect(revoked.before?.body).toBe("hello");
    expect(revoked.after.id).toBe(`false_${contact}_3EB0NOTICE`);
    expect(toRevoked(after, null)).toMatchObject({ revokedMessageId: "3EB0NOTICE", before: null });
  });
});

describe("WEBJS adapter: reactions, contacts, chats, groups", () => {
  test("a contact's reaction to our message, with a millisecond timestamp in seconds", () => {
    const reaction = toReaction({
      id: { fromMe: false, remote: contact, id: "3EB0REACT", _serialized: `false_${contact}_3EB0REACT` },
      timestamp: 1_760_000_000_123,
      reaction: "👍",
      msgId: { fromMe: true, remote: contact, id: "3EB0MINE", _serialized: `true_${contact}_3EB0MINE` },
      senderId: contact,
    }, me);
    expect(reaction).toEqual({
      id: `false_${contact}_3EB0REACT`,
      timestamp: 1_760_000_000,
      from: contact,
      fromMe: false,
      source: "app",
      to: me,
      reaction: { text: "👍", messageId: `true_${contact}_3EB0MINE` },
    });
  });

  test("contacts keep WAHA's WEBJS fields, empty names as null", () => {
    const shaped = toWAContact({
      id: { server: "c.us", user: "5511999999999", _serialized: contact },
      number: "5511999999999",
      name: undefined,
      pushname: "",
      shortName: undefined,
      isMe: false,
      isGroup: false,
      isUser: true,
      isWAContact: true,
      isMyContact: false,
      isBlocked: false,
    });
    expect(shaped).toEqual({
      id: contact,
      number: "5511999999999",
      name: null,
      pushname: null,
      shortName: null,
      isMe: false,
      isGroup: false,
      isUser: true,
      isWAContact: true,
      isMyContact: false,
      isBlocked: false,
    });
  });

  test("chats become flat ChatInfo and overview summaries with their last message", () => {
    const chat = {
      id: { server: "c.us", user: "5511999999999", _serialized: contact },
      name: "Ana",
      isGroup: false,
      unreadCount: 2,
      timestamp: 1_760_000_100,
      archived: undefined as unknown as boolean,
      pinned: true,
      lastMessage: wwebjsMessage(),
    };
    expect(toChatInfo(chat)).toEqual({ id: contact, name: "Ana", isGroup: false, unreadCount: 2, timestamp: 1_760_000_100, archived: false, pinned: true });
    const summary = toChatSummary(chat);
    expect(summary).toMatchObject({ id: contact, name: "Ana", picture: null, _chat: { unreadCount: 2 } });
    expect(summary.lastMessage?.body).toBe("hello");
  });

  test("groups take their metadata and participants' roles", () => {
    const groupChat = {
      id: { server: "g.us", user: "120363000000000001", _serialized: group },
      name: "Team",
      owner: { server: "c.us", user: "15550001111", _serialized: me },
      createdAt: new Date(1_700_000_000_000),
      description: "Our team",
      participants: [
        { id: { server: "c.us", user: "15550001111", _serialized: me }, isAdmin: true, isSuperAdmin: true },
        { id: { server: "c.us", user: "5511999999999", _serialized: contact }, isAdmin: true, isSuperAdmin: false },
        { id: { server: "c.us", user: "5511888888888", _serialized: "5511888888888@c.us" }, isAdmin: false, isSuperAdmin: false },
      ],
      groupMetadata: { subjectTime: 1_700_000_500, size: 3, announce: true, restrict: false },
    };
    expect(toGroupInfo(groupChat)).toEqual({
      id: group,
      subject: "Team",
      subjectOwner: me,
      subjectTime: 1_700_000_500,
      desc: "Our team",
      owner: me,
      creation: 1_700_000_000,
      size: 3,
      announce: true,
      restrict: false,
      participants: [
        { id: me, admin: "superadmin" },
        { id: contact, admin: "admin" },
        { id: "5511888888888@c.us", admin: null },
      ],
    });
    expect(toGroupInfo(groupChat, true).participants).toBeUndefined();
  });
});

describe("WEBJS adapter: session", () => {
  test("connection states map to session statuses; unpaired ones wait for the disconnect", () => {
    expect(statusOfState("CONNECTED")).toBe("WORKING");
    expect(statusOfState("OPENING")).toBe("STARTING");
    expect(statusOfState("TIMEOUT")).toBe("STARTING");
    expect(statusOfState("CONFLICT")).toBe("FAILED");
    expect(statusOfState("TOS_BLOCK")).toBe("FAILED");
    expect(statusOfState("UNPAIRED")).toBeNull();
  });

  test("disconnect reasons, me, pairing codes and vCards", () => {
    expect(disconnectReason("LOGOUT")).toBe("Logged out from the phone");
    expect(disconnectReason("Max qrcode retries reached")).toBe("Disconnected from WhatsApp: Max qrcode retries reached");
    expect(toMe({ wid: { _serialized: me }, pushname: "Nexis" })).toEqual({ id: me, pushName: "Nexis" });
    expect(toMe(undefined)).toBeNull();
    expect(formatPairingCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(toVcard({ fullName: "Ana Lima", phoneNumber: "+55 11 99999-9999", organization: "Acme" })).toBe(
      "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nORG:Acme;\nTEL;type=CELL;type=VOICE;waid=5511999999999:+55 11 99999-9999\nEND:VCARD",
    );
    expect(toVcard({ vcard: "BEGIN:VCARD\nEND:VCARD" })).toBe("BEGIN:VCARD\nEND:VCARD");
  });
});
