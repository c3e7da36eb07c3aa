import { describe, expect, it } from "vitest";
import { formatBytes, mapUrl, parseVcard } from "./media.ts";

describe("media helpers", () => {
  it("reads the name and phone of a WhatsApp contact card", () => {
    const vcard = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ana\\, Vendas", "TEL;type=CELL;type=VOICE;waid=5511999999999:+5511999999999", "END:VCARD"].join("\n");
    expect(parseVcard(vcard)).toEqual({ name: "Ana, Vendas", phone: "+5511999999999" });
    expect(parseVcard("BEGIN:VCARD\nN:Silva;João;;;\nitem1.TEL:+351 912\nEND:VCARD")).toEqual({ name: "João Silva", phone: "+351 912" });
    expect(parseVcard("just text")).toBeNull();
    expect(parseVcard(null)).toBeNull();
  });

  it("formats sizes and map links", () => {
    expect(formatBytes(512)).toMatch(/^512\s?byte/);
    expect(formatBytes(1536)).toMatch(/^1\.5\s?kB|^1\.5\s?KB/i);
    expect(formatBytes(5 * 1024 * 1024)).toMatch(/^5\s?MB/i);
    expect(mapUrl(-23.5, -46.6)).toBe("https://www.openstreetmap.org/?mlat=-23.5&mlon=-46.6#map=16/-23.5/-46.6");
  });
});
