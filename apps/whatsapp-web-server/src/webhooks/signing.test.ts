import { createHmac } from "node:crypto";
import { describe, expect, test } from "bun:test";
import { signBody, verifySignature } from "./signing.ts";

describe("webhook signing", () => {
  test("is the hex HMAC-SHA512 of the raw body", () => {
    const body = '{"event":"message"}';
    expect(signBody(body, "k")).toBe(createHmac("sha512", "k").update(body).digest("hex"));
    expect(signBody(body, "k")).toHaveLength(128);
  });

  test("verifies only the right body, key and signature", () => {
    const signature = signBody("body", "key");
    expect(verifySignature("body", "key", signature)).toBe(true);
    expect(verifySignature("body ", "key", signature)).toBe(false);
    expect(verifySignature("body", "other", signature)).toBe(false);
    expect(verifySignature("body", "key", signature.slice(2))).toBe(false);
    expect(verifySignature("body", "key", null)).toBe(false);
  });
});
