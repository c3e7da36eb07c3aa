import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "../src/webhooks.ts";

describe("webhook signatures", () => {
  const body = JSON.stringify({ id: "evt_01", event: "message", payload: { body: "hi" } });

  it("matches the HMAC-SHA512 WAHA documents (hex of the raw body)", () => {
    // Known vector: HMAC-SHA512("key", "The quick brown fox jumps over the lazy dog").
    expect(signWebhookBody("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a",
    );
  });

  it("accepts the right signature in either case and refuses tampering, another key or garbage", () => {
    const signature = signWebhookBody(body, "secret");
    expect(verifyWebhookSignature(body, signature, "secret")).toBe(true);
    expect(verifyWebhookSignature(body, signature.toUpperCase(), "secret")).toBe(true);
    expect(verifyWebhookSignature(body.replace("hi", "ho"), signature, "secret")).toBe(false);
    expect(verifyWebhookSignature(body, signature, "other")).toBe(false);
    for (const bad of [null, undefined, "", "abc", signature.slice(2), `${signature}00`, "z".repeat(128)]) {
      expect(verifyWebhookSignature(body, bad, "secret")).toBe(false);
    }
  });
});
