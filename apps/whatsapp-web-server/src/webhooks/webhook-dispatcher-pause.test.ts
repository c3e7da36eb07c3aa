import { describe, expect, test } from "bun:test";
import { createEnvironment } from "../environment.ts";
import { silentLogger } from "../logger.ts";
import { openDatabase } from "../storage/database.ts";
import { startWebhookReceiver, waitFor } from "../test-helpers.ts";
import { createEnvelope } from "./envelope.ts";
import { WebhookDispatcher } from "./webhook-dispatcher.ts";
import { createSqliteWebhookOutbox } from "./webhook-outbox.ts";

const event = (session: string, text: string) =>
  createEnvelope({ session, engine: "SANDBOX", event: "message", payload: { body: text }, environment: createEnvironment("SANDBOX", null) });

// Cluster mode hands a session to another worker: its deliveries must stop here first, and none
// may be in flight when they do, so that the next owner sends each pending one exactly once.
describe("WebhookDispatcher: pausing one session's deliveries", () => {
  test("a paused session's events wait in the outbox, in order, until it is unpaused; others keep flowing", async () => {
    const receiver = startWebhookReceiver();
    const outbox = createSqliteWebhookOutbox(openDatabase(null));
    const dispatcher = new WebhookDispatcher(outbox, silentLogger);
    const webhooks = [{ url: receiver.url, events: ["*"] }];

    await dispatcher.pause("moving");
    dispatcher.dispatch(webhooks, event("moving", "one"));
    dispatcher.dispatch(webhooks, event("moving", "two"));
    dispatcher.dispatch(webhooks, event("staying", "three"));
    await waitFor(() => receiver.received.length === 1, 2_000, "the other session's event");
    await Bun.sleep(50);
    expect(receiver.received.map((hook) => hook.body.payload.body)).toEqual(["three"]);
    expect(dispatcher.pending("moving")).toBe(2);

    dispatcher.unpause("moving");
    await waitFor(() => receiver.received.length === 3, 2_000, "the held events");
    expect(receiver.received.map((hook) => hook.body.payload.body)).toEqual(["three", "one", "two"]);
    expect(dispatcher.pending()).toBe(0);
    dispatcher.close();
  });

  test("pausing cuts a retry wait short and leaves the failing delivery pending, not dropped", async () => {
    const receiver = startWebhookReceiver();
    receiver.state.failing = true;
    const outbox = createSqliteWebhookOutbox(openDatabase(null));
    const dispatcher = new WebhookDispatcher(outbox, silentLogger);
    dispatcher.dispatch([{ url: receiver.url, events: ["*"], retries: { delaySeconds: 60, attempts: 5, policy: "constant" } }], event("moving", "one"));
    await waitFor(() => receiver.state.attempts === 1, 2_000, "the first attempt");
    const started = Date.now();
    await dispatcher.pause("moving");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(dispatcher.idle).toBe(true);
    expect(outbox.next(outbox.queues()[0] ?? "")).toMatchObject({ attempt: 1 });
    dispatcher.close();
  });
});
