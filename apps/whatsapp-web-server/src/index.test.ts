import { describe, expect, test } from "bun:test";
import { createTestApp } from "./test-helpers.ts";

describe("over real HTTP", () => {
  test("listens on a free port, answers /ping and stops", async () => {
    const app = createTestApp().listen({ port: 0, hostname: "127.0.0.1" });
    try {
      const url = app.server?.url;
      expect(url).toBeDefined();
      const response = await fetch(new URL("/ping", url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: "pong" });
    } finally {
      await app.stop();
    }
  });
});
