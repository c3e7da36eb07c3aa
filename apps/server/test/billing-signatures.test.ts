import { describe, expect, it } from "vitest";
import { returnSignature, verifyReturnQuery, verifyWebhookSignature, webhookSignature } from "../src/billing/signatures.ts";

// Vectors computed outside the code under test (`printf … | sha256sum`, `openssl dgst -hmac`).
const apiKey = "creem_test_key";
const params: [string, string][] = [
  ["checkout_id", "ch_1"],
  ["order_id", "ord_1"],
  ["customer_id", "cust_1"],
  ["subscription_id", "sub_1"],
  ["product_id", "prod_1"],
  ["request_id", "req_1"],
];
const expectedSignature = "466a1e1eb89fa9902ff16fba87b80973e972c928ac4ac51ab472afdedbfa5852";
const query = (entries: [string, string][], signature = expectedSignature) => new URLSearchParams([...entries, ["signature", signature]]).toString();

describe("return URL signature (Creem's formula)", () => {
  it("matches the documented formula: key=value joined by |, then |salt=<API key>, SHA-256 hex", () => {
    expect(returnSignature(params, apiKey)).toBe(expectedSignature);
  });

  it("accepts a return URL signed by the formula, and gives its parameters back", () => {
    expect(verifyReturnQuery(`?${query(params)}`, apiKey)).toEqual({
      checkout_id: "ch_1",
      order_id: "ord_1",
      customer_id: "cust_1",
      subscription_id: "sub_1",
      product_id: "prod_1",
      request_id: "req_1",
    });
  });

  it("leaves out empty parameters (an order-less return signs without order_id)", () => {
    const withEmpty: [string, string][] = params.map(([key, value]) => [key, key === "order_id" ? "" : value]);
    const signature = returnSignature(params.filter(([key]) => key !== "order_id"), apiKey);
    expect(verifyReturnQuery(query(withEmpty, signature), apiKey)?.order_id).toBeUndefined();
  });

  it.each(params.map(([key]) => key))("refuses a tampered %s", (key) => {
    const tampered = params.map(([name, value]): [string, string] => [name, name === key ? `${value}x` : value]);
    expect(verifyReturnQuery(query(tampered), apiKey)).toBeNull();
  });

  it("refuses a reordered set, a missing or altered signature, and the wrong key", () => {
    expect(verifyReturnQuery(query([...params].reverse()), apiKey)).toBeNull();
    expect(verifyReturnQuery(new URLSearchParams(params).toString(), apiKey)).toBeNull();
    expect(verifyReturnQuery(query(params, ""), apiKey)).toBeNull();
    expect(verifyReturnQuery(query(params, expectedSignature.replace(/.$/, "0")), apiKey)).toBeNull();
    expect(verifyReturnQuery(query(params, expectedSignature.slice(0, 32)), apiKey)).toBeNull();
    expect(verifyReturnQuery(query(params), "creem_test_other")).toBeNull();
  });

  it("refuses a dropped or an added signed parameter", () => {
    expect(verifyReturnQuery(query(params.slice(1)), apiKey)).toBeNull();
    expect(verifyReturnQuery(query([...params, ["order_id", "ord_2"]]), apiKey)).toBeNull();
  });
});

describe("webhook signature", () => {
  const body = '{"id":"evt_1","eventType":"subscription.paid","created_at":1,"object":{}}';
  const expected = "6666992a118c1d192dfcf31d627633a85285f12814c51cc80b9f8ad48ddadb51";

  it("is the hex HMAC-SHA256 of the raw body with the webhook secret", () => {
    expect(webhookSignature(body, "whsec_test")).toBe(expected);
    expect(verifyWebhookSignature(body, expected, "whsec_test")).toBe(true);
  });

  it("refuses a tampered body, the wrong secret and a missing header", () => {
    expect(verifyWebhookSignature(body.replace("paid", "paud"), expected, "whsec_test")).toBe(false);
    expect(verifyWebhookSignature(body, expected, "whsec_other")).toBe(false);
    expect(verifyWebhookSignature(body, undefined, "whsec_test")).toBe(false);
    expect(verifyWebhookSignature(body, "not-hex", "whsec_test")).toBe(false);
  });
});
