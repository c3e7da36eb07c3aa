import { describe, expect, it } from "vitest";
import { createLogger, requestIdFrom, runWithRequestId } from "../src/index.ts";

function collected(level: "debug" | "info" = "debug") {
  const lines: string[] = [];
  const logger = createLogger({ service: "test", level, pretty: false, destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with level, service and message", () => {
    const { logger, json } = collected();
    logger.info("session started", { session: "abc" });
    expect(json()).toEqual([expect.objectContaining({ level: 30, service: "test", msg: "session started", session: "abc" })]);
  });

  it("drops lines below its level", () => {
    const { logger, lines } = collected("info");
    logger.debug("noise");
    logger.warn("kept");
    expect(lines).toHaveLength(1);
  });

  it("never writes credentials or message contents, wherever they sit in the details", () => {
    const { logger, lines } = collected();
    const secrets = { password: "hunter2-pw", token: "tok-123456", "x-api-key": "key-abcdef", body: "customer words", text: "agent words" };
    logger.info("top level", secrets);
    logger.info("nested", { request: secrets, deeper: { headers: { authorization: "Bearer zzz-999", cookie: "s=cookie-777" } } });
    logger.error("failed", Object.assign(new Error("boom"), { config: { headers: { authorization: "Bearer err-888" } } }));
    const all = lines.join("\n");
    for (const secret of ["hunter2-pw", "tok-123456", "key-abcdef", "customer words", "agent words", "zzz-999", "cookie-777", "err-888"]) expect(all).not.toContain(secret);
    expect(all).toContain("[redacted]");
    expect(all).toContain("boom");
  });

  it("puts the request id on every line written while serving that request", async () => {
    const { logger, json } = collected();
    logger.info("outside");
    await runWithRequestId("req-1", async () => {
      logger.info("inside");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.child({ session: "s" }).warn("later, in a child");
    });
    const lines = json();
    expect(lines[0]).not.toHaveProperty("requestId");
    expect(lines[1]).toMatchObject({ requestId: "req-1" });
    expect(lines[2]).toMatchObject({ requestId: "req-1", session: "s" });
  });
});

describe("requestIdFrom", () => {
  it("keeps a well-formed id and replaces a missing or forged one", () => {
    expect(requestIdFrom("abc-123")).toBe("abc-123");
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom("x\n{\"level\":60}")).not.toContain("\n");
    expect(requestIdFrom("a".repeat(65))).toHaveLength(36);
  });
});
