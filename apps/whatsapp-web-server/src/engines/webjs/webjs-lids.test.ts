import { describe, expect, test } from "bun:test";
import type { Client } from "whatsapp-web.js";
import { WebjsLids } from "./webjs-lids.ts";

// WhatsApp Web cannot load here, so whatsapp-web.js's client is replaced by a plain object with
// the two methods these lookups call, answering as the library does (undefined ids when unknown).

const ana = { lid: "100000000000001@lid", pn: "5511999999999@c.us" };
const bruno = { lid: "100000000000002@lid", pn: "5511888888888@c.us" };
const known = [ana, bruno];

function fakeClient() {
  const asked: string[][] = [];
  const client = {
    getContacts: async () =>
      [bruno.lid, ana.pn, ana.lid, "100000000000009@lid", "120363000000000001@g.us"].map((serialized) => ({ id: { _serialized: serialized } })),
    getContactLidAndPhone: async (userIds: string[]) => {
      asked.push(userIds);
      return userIds.map((id) => {
        const found = known.find((pair) => pair.lid === id || pair.pn === id);
        return found ? { ...found } : {};
      });
    },
  };
  return { lids: new WebjsLids(() => client as unknown as Client), asked };
}

describe("WEBJS hidden ids", () => {
  test("looks one id up either way; an unknown one is null", async () => {
    const { lids } = fakeClient();
    expect(await lids.phoneOf(ana.lid)).toBe(ana.pn);
    expect(await lids.lidOf(bruno.pn)).toBe(bruno.lid);
    expect(await lids.phoneOf("100000000000009@lid")).toBeNull();
    expect(await lids.lidOf("5511000000000@c.us")).toBeNull();
  });

  test("lists the @lid contacts whose phone is known, sorted and paged, in one batch", async () => {
    const { lids, asked } = fakeClient();
    expect(await lids.list({ limit: 100, offset: 0 })).toEqual([ana, bruno]);
    expect(asked).toEqual([[bruno.lid, ana.lid, "100000000000009@lid"]]);
    expect(await lids.list({ limit: 1, offset: 1 })).toEqual([bruno]);
    expect(await lids.count()).toBe(2);
  });
});
