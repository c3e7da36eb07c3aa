import { describe, expect, test } from "bun:test";
import { createTempDataDir } from "./test-helpers.ts";
import { EnvError } from "@nexis/env";
import { loadWaEnv, parseWaEnv } from "./env.ts";

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

  test("cluster mode: off without DATABASE_URL (or with an empty one), which must be a postgres:// URL", () => {
    expect(parseWaEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseWaEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(parseWaEnv({ DATABASE_URL: "postgres://u@db:5432/nexis" }).DATABASE_URL).toBe("postgres://u@db:5432/nexis");
    expect(() => parseWaEnv({ DATABASE_URL: "mysql://db/nexis" })).toThrow(/DATABASE_URL/);
  });

  test("cluster settings: defaults (worker id host-pid, URL on the port, 50 sessions, 15 s lease, 50 MB auth) and bounds", () => {
    const DATA_DIR = createTempDataDir();
    const env = loadWaEnv({ WHATSAPP_PORT: "8801", WHATSAPP_API_KEY: "k", DATA_DIR });
    expect(env.WORKER_ID).toMatch(new RegExp(`-${process.pid}$`));
    expect(env.WORKER_URL).toBe("http://127.0.0.1:8801");
    expect(env).toMatchObject({ WORKER_CAPACITY: 50, WHATSAPP_LEASE_SECONDS: 15, WHATSAPP_AUTH_MAX_BYTES: 50 * 1024 * 1024 });
    expect(loadWaEnv({ WORKER_ID: "wa-1", WORKER_URL: "http://wa-1:8788/", WHATSAPP_API_KEY: "k", DATA_DIR })).toMatchObject({
      WORKER_ID: "wa-1",
      WORKER_URL: "http://wa-1:8788",
    });
    expect(() => parseWaEnv({ WORKER_CAPACITY: "0" })).toThrow(/WORKER_CAPACITY/);
    expect(() => parseWaEnv({ WHATSAPP_LEASE_SECONDS: "1" })).toThrow(/WHATSAPP_LEASE_SECONDS/);
    expect(() => parseWaEnv({ WORKER_ID: "has space" })).toThrow(/WORKER_ID/);
  });
});
