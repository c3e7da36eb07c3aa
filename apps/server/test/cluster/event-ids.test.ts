import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createEventBus, type EventBus } from "../../src/services/events/workspace-events.ts";
import { eventually } from "../support/sandbox-number.ts";
import { redisUrl } from "./api-cluster.ts";

const keyPrefix = `nexis-cluster-${randomBytes(4).toString("hex")}`;
const buses: EventBus[] = [];

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(buses.map((bus) => bus.close()));
});

describe("live event ids across instances (two buses on one Redis)", () => {
  it("an instance whose clock lags still stamps later events after the ones it has seen, and either instance resumes from the other's id", async () => {
    const first = createEventBus({ redisUrl, keyPrefix });
    const second = createEventBus({ redisUrl, keyPrefix });
    buses.push(first, second);
    const workspaceId = `workspace-${randomBytes(4).toString("hex")}`;
    // Both subscribed before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 300));

    first.publish(workspaceId, { type: "chat", chatId: "one" });
    await eventually(async () => {
      if (second.since(workspaceId, "0").length !== 1) throw new Error("not delivered yet");
    });
    const [seen] = second.since(workspaceId, "0");

    // The second instance's clock is five seconds behind.
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now - 5_000);
    second.publish(workspaceId, { type: "chat", chatId: "two" });
    vi.restoreAllMocks();
    await eventually(async () => {
      if (first.since(workspaceId, "0").length !== 2) throw new Error("not delivered yet");
    });
    first.publish(workspaceId, { type: "chat", chatId: "three" });

    await eventually(async () => {
      if (first.since(workspaceId, "0").length !== 3 || second.since(workspaceId, "0").length !== 3) throw new Error("not delivered yet");
    });
    const ids = first.since(workspaceId, "0").map((item) => item.id);
    expect(ids).toEqual([...ids].sort());
    expect((ids[1] ?? "") > (seen?.id ?? "~")).toBe(true);
    // A client that saw the first event on one instance resumes on the other with the two after it.
    expect(second.since(workspaceId, seen?.id).map((item) => item.event)).toEqual([
      { type: "chat", chatId: "two" },
      { type: "chat", chatId: "three" },
    ]);
    expect(first.since(workspaceId, seen?.id).map((item) => item.event)).toEqual(second.since(workspaceId, seen?.id).map((item) => item.event));
  });
});
