import { on } from "node:events";
import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { liveEventsSchema } from "../../schemas/events.ts";
import type { StampedEvent } from "../../services/events/workspace-events.ts";
import { workspaceProcedure } from "../init.ts";

/** The live stream of the active workspace (tRPC subscription over SSE, `httpSubscriptionLink`). */
export const eventsRouter = {
  /**
   * What changes in the workspace, as it happens: new and updated messages (acks, reactions,
   * edits), chat changes (unread, folder, tags, archive), number status and presence. A client
   * reconnecting with `lastEventId` first gets the events it missed (the last 500 are kept).
   * Membership is checked when the stream opens; another workspace's events are never sent.
   */
  live: workspaceProcedure.input(liveEventsSchema).subscription(async function* ({ ctx, input, signal }) {
    // Listen first, then replay, so nothing published in between is lost; skip what was replayed.
    const incoming = on(ctx.events.local, ctx.workspaceId, { signal });
    let last = input?.lastEventId ?? "";
    for (const item of ctx.events.since(ctx.workspaceId, input?.lastEventId)) {
      last = item.id;
      yield tracked(item.id, item.event);
    }
    for await (const [item] of incoming as AsyncIterableIterator<[StampedEvent]>) {
      if (item.id <= last) continue;
      yield tracked(item.id, item.event);
    }
  }),
} satisfies TRPCRouterRecord;
