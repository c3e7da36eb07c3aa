import { describe, expect, test } from "bun:test";
import { avatarDataUri } from "./sandbox-avatar.ts";
import { CONTACT_COUNT, sandboxDirectory } from "./sandbox-directory.ts";

describe("sandboxDirectory", () => {
  test("is the same for a phone number, and differs between numbers", () => {
    const directory = sandboxDirectory("15550000001");
    expect(sandboxDirectory("15550000001").contacts).toEqual(directory.contacts);
    expect(sandboxDirectory("15550000002").contacts).not.toEqual(directory.contacts);
  });

  test("has fictional, distinct numbers, every behaviour, and two groups of known contacts", () => {
    for (const phone of ["15550000001", "15559876543", "15551234567"]) {
      const { contacts, groups, history } = sandboxDirectory(phone);
      expect(contacts).toHaveLength(CONTACT_COUNT);
      expect(new Set(contacts.map((contact) => contact.number)).size).toBe(CONTACT_COUNT);
      for (const contact of contacts) {
        expect(contact.number).toMatch(/^1555\d{7}$/);
        expect(contact.number).not.toBe(phone);
        expect(contact.id).toBe(`${contact.number}@c.us`);
        expect(contact.picture).toStartWith("data:image/svg+xml;base64,");
      }
      expect(new Set(contacts.map((contact) => contact.behaviour))).toEqual(new Set(["replies", "reacts", "reads", "silent"]));
      expect(groups).toHaveLength(2);
      const ids = new Set(contacts.map((contact) => contact.id));
      for (const group of groups) {
        expect(group.id).toMatch(/^\d+@g\.us$/);
        expect(group.members.every((member) => ids.has(member))).toBe(true);
      }
      const chats = new Set(history.map((line) => line.chatId));
      expect(chats.size).toBe(4);
      for (const group of groups) expect(chats.has(group.id)).toBe(true);
    }
  });
});

describe("avatarDataUri", () => {
  test("draws the initials, and never markup from the name", () => {
    const svg = (uri: string) => Buffer.from(uri.split(",")[1] ?? "", "base64").toString();
    expect(svg(avatarDataUri("1@c.us", "Ana Costa"))).toContain(">AC</text>");
    const hostile = svg(avatarDataUri("1@c.us", "<script>x</script> \"><b"));
    expect(hostile).not.toContain("<script");
    expect(hostile).toContain(">SB</text>");
  });
});
