import { on } from "node:events";
import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { roleAllows } from "../../auth/permissions.ts";
import { liveEventsSchema } from "../../schemas/events.ts";
import type { StampedEvent } from "../../services/events/workspace-events.ts";
import { type Context, workspaceProcedure } from "../init.ts";

/** The live stream of the active workspace (tRPC subscription over SSE, `httpSubscriptionLink`). */
export const eventsRouter = {
  /**
   * What changes in the workspace, as it happens: new and updated messages (acks, reactions,
   * edits), chat changes (unread, folder, tags, archive), number status and QR rotations
   * (to those who may manage numbers), and presence. A client
   * reconnecting with `lastEventId` first gets the events it missed (the last 500 are kept).
   * Membership is checked when the stream opens; another workspace's events are never sent.
   */
  live: workspaceProcedure.input(liveEventsSchema).subscription(async function* ({ ctx, input, signal }) {
    // One slot per open stream, given back however the stream ends (closed tab, dropped network).
    const release = ctx.liveStreams?.acquire(ctx.session.user.id);
    try {
      yield* workspaceStream(ctx, input, signal);
    } finally {
      release?.();
    }
  }),
} satisfies TRPCRouterRecord;

/** The workspace's events for this caller: the missed ones first, then each as it is published. */
async function* workspaceStream(
  ctx: { events: Context["events"]; workspaceId: string; role: Parameters<typeof roleAllows>[0] },
  input: { lastEventId?: string | null | undefined } | undefined,
  signal: AbortSignal | undefined,
) {
  // Listen first, then replay, so nothing published in between is lost; skip what was replayed.
  const incoming = on(ctx.events.local, ctx.workspaceId, { signal });
  let last = input?.lastEventId ?? "";
  // QR rotations only matter (and `account.qr` only answers) to those who may link numbers.
  const seesQr = roleAllows(ctx.role, { account: ["update"] });
  const forCaller = (item: StampedEvent) => item.event.type !== "qr" || seesQr;
  for (const item of ctx.events.since(ctx.workspaceId, input?.lastEventId)) {
    last = item.id;
    if (forCaller(item)) yield tracked(item.id, item.event);
  }
  for await (const [item] of incoming as AsyncIterableIterator<[StampedEvent]>) {
    if (item.id <= last || !forCaller(item)) continue;
    yield tracked(item.id, item.event);
  }
}
