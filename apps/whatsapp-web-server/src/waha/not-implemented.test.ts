import { describe, expect, test } from "bun:test";
import { createTestApp, request, testApiKey } from "../test-helpers.ts";
import wahaRoutes from "./routes.json" with { type: "json" };
import { toElysiaPath } from "./not-implemented.ts";

const withKey = { headers: { "X-Api-Key": testApiKey } };

describe("WAHA routes not implemented yet", () => {
  test("routes.json lists every WAHA operation, the implemented ones included", () => {
    expect(wahaRoutes.routes.length).toBeGreaterThan(100);
    expect(wahaRoutes.routes).toContainEqual({ method: "GET", path: "/api/server/version" });
    expect(wahaRoutes.routes).toContainEqual({ method: "POST", path: "/api/sendText" });
  });

  test("converts WAHA path templates to Elysia's", () => {
    expect(toElysiaPath("/api/{session}/chats/{chatId}/messages")).toBe("/api/:session/chats/:chatId/messages");
  });

  test("answer 501 JSON naming the WAHA route", async () => {
    const response = await request(createTestApp(), "/api/sendPoll", { method: "POST", ...withKey });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({
      statusCode: 501,
      message: "Not implemented yet: POST /api/sendPoll",
      error: "Not Implemented",
    });
  });

  test("match path parameters", async () => {
    const response = await request(createTestApp(), "/api/default/groups/123456789@g.us/picture", withKey);
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({
      message: "Not implemented yet: GET /api/{session}/groups/{id}/picture",
    });
  });

  test("still require the API key", async () => {
    const response = await request(createTestApp(), "/api/sendPoll", { method: "POST" });
    expect(response.status).toBe(401);
  });

  test("do not shadow implemented routes", async () => {
    const response = await request(createTestApp(), "/api/server/version", withKey);
    expect(response.status).toBe(200);
  });
});

describe("unknown routes", () => {
  test("answer 404 JSON, not HTML", async () => {
    const response = await request(createTestApp(), "/no/such/page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toStartWith("application/json");
    expect(await response.json()).toEqual({ statusCode: 404, message: "Cannot GET /no/such/page", error: "Not Found" });
  });

  test("under /api answer 404 JSON once the key is right", async () => {
    const response = await request(createTestApp(), "/api/no-such-route", { method: "DELETE", ...withKey });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, message: "Cannot DELETE /api/no-such-route" });
  });

  test("a WAHA path with the wrong method is 404", async () => {
    const response = await request(createTestApp(), "/api/sendText", { method: "PATCH", ...withKey });
    expect(response.status).toBe(404);
  });
});
