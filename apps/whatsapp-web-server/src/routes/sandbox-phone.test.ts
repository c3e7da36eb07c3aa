import { describe, expect, test } from "bun:test";
import { createTestApp, request, testApiKey } from "../test-helpers.ts";

describe("the sandbox phone page", () => {
  test("is served without the key, holds no key, and keeps to its own script", async () => {
    const app = createTestApp();
    const page = await request(app, "/sandbox/phone");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toStartWith("text/html");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/sandbox/phone.js"></script>');
    expect(html).not.toContain(testApiKey);

    const script = await request(app, "/sandbox/phone.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toStartWith("text/javascript");
    const source = await script.text();
    expect(source).not.toContain(testApiKey);
    // It renders what it fetches as text, never as HTML.
    expect(source).not.toContain("innerHTML");
    expect(source).toContain("/inbound");
    expect(source).toContain("/inbound/media");
  });

  test("its script parses as JavaScript", async () => {
    const source = await (await request(createTestApp(), "/sandbox/phone.js")).text();
    expect(() => new Function(source)).not.toThrow();
  });
});
