import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box.ts";

describe("secret box", () => {
  const box = createSecretBox("a-server-secret-that-is-long-enough-000", "whatsapp-webhook");

  it("round-trips, with a fresh IV each time", () => {
    const sealed = box.seal("hmac-key-123");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("hmac-key-123");
    expect(box.seal("hmac-key-123")).not.toBe(sealed);
    expect(box.open(sealed)).toBe("hmac-key-123");
  });

  it("refuses another purpose's or server's box, tampering and garbage", () => {
    const sealed = box.seal("secret");
    expect(createSecretBox("a-server-secret-that-is-long-enough-000", "other").open(sealed)).toBeNull();
    expect(createSecretBox("another-server-secret-that-is-long-enough", "whatsapp-webhook").open(sealed)).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(box.open(parts.join("."))).toBeNull();
    for (const garbage of ["", "v1", "v2.a.b.c", "not sealed"]) expect(box.open(garbage)).toBeNull();
  });
});
