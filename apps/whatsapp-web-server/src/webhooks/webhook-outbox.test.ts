import { describe, expect, test } from "bun:test";
import { openDatabase } from "../storage/database.ts";
import { createTempDataDir } from "../test-helpers.ts";
import { createSqliteWebhookOutbox } from "./webhook-outbox.ts";

const target = { url: "http://127.0.0.1:1/hook", hmac: { key: "k" }, retries: { attempts: 2 } };

describe("the SQLite webhook outbox", () => {
  test("keeps deliveries in order per queue, across a reopen", () => {
    const dataDir = createTempDataDir();
    const first = openDatabase(dataDir);
    const outbox = createSqliteWebhookOutbox(first);
    const a1 = outbox.add("a_1 http://x", target, "1");
    outbox.add("a_1 http://x", target, "2");
    outbox.add("b http://y", target, "3");
    outbox.setAttempt(a1, 4);
    first.close();

    const reopened = createSqliteWebhookOutbox(openDatabase(dataDir));
    expect(reopened.queues()).toEqual(["a_1 http://x", "b http://y"]);
    expect(reopened.next("a_1 http://x")).toEqual({ seq: a1, queue: "a_1 http://x", target, body: "1", attempt: 4 });
    expect(reopened.count()).toBe(3);
    expect(reopened.count("a_1")).toBe(2);
    // `_` is no wildcard: "aX1" does not count "a_1"'s deliveries.
    expect(reopened.count("aX1")).toBe(0);
    reopened.remove(a1);
    expect(reopened.next("a_1 http://x")?.body).toBe("2");
  });
});
