import { describe, expect, test } from "bun:test";
import { openDatabase } from "../../storage/database.ts";
import { ackNames, type WAMessage } from "../../waha/types.ts";
import { createSqliteSandboxStore } from "./sandbox-store.ts";

const message = (id: string, body = id): WAMessage => ({
  id,
  timestamp: 1,
  from: "1@c.us",
  fromMe: true,
  source: "api",
  to: "2@c.us",
  body,
  hasMedia: false,
  ack: 0,
  ackName: ackNames[0],
});

describe("createSqliteSandboxStore", () => {
  test("keeps each session's last messages in order; a replace keeps the place", () => {
    const db = openDatabase(null);
    const store = createSqliteSandboxStore(db, 3);
    const a = store.messages("a");
    for (const id of ["m1", "m2", "m3", "m4"]) a.add(message(id));
    a.add(message("m3", "edited"));
    store.messages("b").add(message("m1"));
    expect(a.all().map((stored) => [stored.id, stored.body])).toEqual([
      ["m2", "m2"],
      ["m3", "edited"],
      ["m4", "m4"],
    ]);
    expect(a.get("m1")).toBeNull();
    expect(store.messages("b").all()).toHaveLength(1);
    db.close();
  });

  test("state and media per session, cleared together with a logout", () => {
    const db = openDatabase(null);
    const store = createSqliteSandboxStore(db);
    store.state("a").set("unread", ["x"]);
    store.media("a").save("f.png", { bytes: new Uint8Array([1, 2, 3]), mimetype: "image/png" });
    expect(store.state("a").get<string[]>("unread")).toEqual(["x"]);
    expect(store.media("a").read("f.png")).toEqual({ bytes: new Uint8Array([1, 2, 3]), mimetype: "image/png" });
    expect(store.media("b").read("f.png")).toBeNull();
    store.state("a").clear();
    store.media("a").clear();
    expect(store.state("a").get("unread")).toBeNull();
    expect(store.media("a").read("f.png")).toBeNull();
    db.close();
  });
});
