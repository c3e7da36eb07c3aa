import { describe, expect, test } from "bun:test";
import { EnvError } from "@nexis/env";
import { parseWaEnv } from "./env.ts";

describe("parseWaEnv", () => {
  test("fills the defaults", () => {
    const env = parseWaEnv({});
    expect(env).toMatchObject({ WHATSAPP_PORT: 8788, WHATSAPP_HOST: "0.0.0.0", WHATSAPP_ENGINE: "SANDBOX" });
    // Left unset here; loadWaEnv generates it into the data folder.
    expect(env.WHATSAPP_API_KEY).toBeUndefined();
  });

  test("rejects a bad WHATSAPP_PORT, naming it", () => {
    expect(() => parseWaEnv({ WHATSAPP_PORT: "not-a-port" })).toThrow(EnvError);
    expect(() => parseWaEnv({ WHATSAPP_PORT: "70000" })).toThrow(/WHATSAPP_PORT/);
  });

  test("rejects an unknown engine, naming WHATSAPP_ENGINE", () => {
    expect(() => parseWaEnv({ WHATSAPP_ENGINE: "NOWEB" })).toThrow(/WHATSAPP_ENGINE/);
  });

  test("treats an empty WHATSAPP_API_KEY as unset", () => {
    expect(parseWaEnv({ WHATSAPP_API_KEY: "" }).WHATSAPP_API_KEY).toBeUndefined();
  });

  test("reads WHATSAPP_SANDBOX_TIME_SCALE, default 1, positive", () => {
    expect(parseWaEnv({}).WHATSAPP_SANDBOX_TIME_SCALE).toBe(1);
    expect(parseWaEnv({ WHATSAPP_SANDBOX_TIME_SCALE: "0.01" }).WHATSAPP_SANDBOX_TIME_SCALE).toBe(0.01);
    expect(() => parseWaEnv({ WHATSAPP_SANDBOX_TIME_SCALE: "0" })).toThrow(/WHATSAPP_SANDBOX_TIME_SCALE/);
  });
});
