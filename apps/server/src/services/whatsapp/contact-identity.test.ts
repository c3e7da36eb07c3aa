import { describe, expect, it } from "vitest";
import { canonicalMessageId, lidsInMessageId, messageIdentities, normalizeWaId } from "./contact-identity.ts";
import { messagePayloadSchema } from "./webhook-payloads.ts";

const message = (fields: Record<string, unknown>) =>
  messagePayloadSchema.parse({ id: "false_x_1", timestamp: 1, from: "5511999990000@c.us", fromMe: false, body: "hi", ...fields });

describe("contact identity: phone id and hidden id", () => {
  it("normalizes engine ids (device suffix, s.whatsapp.net) to WAHA's", () => {
    expect(normalizeWaId("5511999990000:12@s.whatsapp.net")).toBe("5511999990000@c.us");
    expect(normalizeWaId("123456:3@lid")).toBe("123456@lid");
    expect(normalizeWaId("120363000000001@g.us")).toBe("120363000000001@g.us");
  });

  it("reads NOWEB's key.remoteJidAlt and GOWS's Info.SenderAlt for a one-to-one chat", () => {
    expect(messageIdentities(message({ from: "777@lid", _data: { key: { remoteJid: "777@lid", remoteJidAlt: "5511999990000@s.whatsapp.net" } } })).chat).toEqual({
      pn: "5511999990000@c.us",
      lid: "777@lid",
    });
    expect(messageIdentities(message({ from: "777@lid", _data: { Info: { Chat: "777@lid", Sender: "777:2@lid", SenderAlt: "5511999990000:2@s.whatsapp.net" } } })).chat).toEqual({
      pn: "5511999990000@c.us",
      lid: "777@lid",
    });
  });

  it("for our own message, reads the recipient (not us) from GOWS's RecipientAlt", () => {
    const ours = message({ fromMe: true, from: "15550001111@c.us", to: "777@lid", _data: { Info: { Chat: "777@lid", Sender: "15550001111@c.us", RecipientAlt: "5511999990000@s.whatsapp.net" } } });
    expect(messageIdentities(ours).chat).toEqual({ pn: "5511999990000@c.us", lid: "777@lid" });
  });

  it("reads a group author's two ids (participantAlt), never the group's", () => {
    const inGroup = message({ from: "120363000000001@g.us", participant: "888@lid", _data: { key: { participant: "888@lid", participantAlt: "5511988880000@s.whatsapp.net" } } });
    expect(messageIdentities(inGroup)).toEqual({ chat: null, author: { pn: "5511988880000@c.us", lid: "888@lid" } });
  });

  it("tells nothing when only one of the two ids is there", () => {
    expect(messageIdentities(message({ from: "777@lid" }))).toEqual({ chat: null, author: null });
    expect(messageIdentities(message({ _data: { key: { remoteJid: "5511999990000@s.whatsapp.net" } } }))).toEqual({ chat: null, author: null });
  });
});

describe("canonicalMessageId", () => {
  const phones = new Map([
    ["777@lid", "5511999990000@c.us"],
    ["888@lid", "5511988880000@c.us"],
  ]);
  const phoneOf = (lid: string) => phones.get(lid);

  it("names the chat and the group participant by phone where known, and keeps everything else", () => {
    expect(canonicalMessageId("false_777@lid_3EB0AA", phoneOf)).toBe("false_5511999990000@c.us_3EB0AA");
    expect(canonicalMessageId("false_120363@g.us_3EB0BB_888:2@lid", phoneOf)).toBe("false_120363@g.us_3EB0BB_5511988880000@c.us");
    expect(canonicalMessageId("true_999@lid_3EB0CC", phoneOf)).toBe("true_999@lid_3EB0CC");
    expect(canonicalMessageId("false_5511999990000@c.us_3EB0DD", phoneOf)).toBe("false_5511999990000@c.us_3EB0DD");
    expect(canonicalMessageId("3EB0EE", phoneOf)).toBe("3EB0EE");
  });

  it("lists the hidden ids a message id names", () => {
    expect(lidsInMessageId("false_120363@g.us_3EB0BB_888:2@lid")).toEqual(["888@lid"]);
    expect(lidsInMessageId("false_777@lid_3EB0AA")).toEqual(["777@lid"]);
    expect(lidsInMessageId("false_5511999990000@c.us_3EB0DD")).toEqual([]);
  });
});
