import { describe, expect, test } from "bun:test";
import { openDatabase } from "../storage/database.ts";
import { createTempDataDir } from "../test-helpers.ts";
import { createSqliteSessionStore } from "./session-store.ts";

describe("the SQLite session store", () => {
  test("saves, updates, lists and deletes records, and keeps them across a reopen", () => {
    const dataDir = createTempDataDir();
    const db = openDatabase(dataDir);
    const store = createSqliteSessionStore(db);
    const config = { metadata: { "user.id": "1" }, webhooks: [{ url: "https://example.com/h", events: ["message"] }] };
    store.save({ name: "one", config, running: true, createdAt: 1 });
    store.save({ name: "two", config: {}, running: false, createdAt: 2 });
    store.save({ name: "one", config: { debug: true }, running: false, createdAt: 99 });
    db.close();

    const reopened = createSqliteSessionStore(openDatabase(dataDir));
    expect(reopened.list()).toEqual([
      { name: "one", config: { debug: true }, running: false, createdAt: 1 },
      { name: "two", config: {}, running: false, createdAt: 2 },
    ]);
    reopened.delete("one");
    expect(reopened.get("one")).toBeNull();
    expect(reopened.get("two")?.createdAt).toBe(2);
  });
});
