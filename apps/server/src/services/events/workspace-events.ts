import { EventEmitter } from "node:events";
import { Redis } from "ioredis";

/**
 * What changed in a workspace, as the inbox needs to know it: ids to refetch, not the rows
 * themselves, so an event can never carry more than the member may read through the API.
 */
export type WorkspaceEvent =
  | { type: "message"; chatId: string; messageId: string | null }
  | { type: "chat"; chatId: string }
  | { type: "account"; accountId: string; status: string }
  /** The number's QR changed: refetch `account.qr` (sent only to members who may manage numbers). */
  | { type: "qr"; accountId: string }
  | { type: "presence"; accountId: string; waChatId: string; presence: string };

export interface StampedEvent {
  id: string;
  event: WorkspaceEvent;
}

export interface EventBus {
  readonly backend: "memory" | "redis";
  /** Sends an event to every subscriber of the workspace, on every server instance. */
  publish(workspaceId: string, event: WorkspaceEvent): void;
  /** Local delivery: emits each workspace's events under the workspace id as the event name. */
  readonly local: EventEmitter;
  /** Calls `listener` with each event this instance publishes (not those it receives from others); returns an unsubscribe. */
  onPublish(listener: (workspaceId: string, event: WorkspaceEvent) => void): () => void;
  /**
   * Events after `lastEventId` still kept (the last 500 per workspace), for a reconnecting client.
   * Every instance keeps the same list in Redis's delivery order, so an id from another
   * instance's stream resumes at the same place.
   */
  since(workspaceId: string, lastEventId: string | null | undefined): StampedEvent[];
  close(): Promise<void>;
}

const keptPerWorkspace = 500;

/**
 * Workspace events in this process, or fanned out through Redis pub/sub when `redisUrl` is set,
 * so every server instance's subscribers see every instance's events. Ids are time-ordered
 * (`<ms>-<sequence>-<instance>`), kept per workspace for resuming after a dropped connection.
 * An id's time is past that of every event already seen from another instance, so one whose
 * clock lags still stamps later events with larger ids. `keyPrefix` (default `nexis`) starts the channels.
 */
export function createEventBus(options: { redisUrl?: string | undefined; keyPrefix?: string } = {}): EventBus {
  const channelPrefix = `${options.keyPrefix ?? "nexis"}:events:`;
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const kept = new Map<string, StampedEvent[]>();
  const instance = Math.random().toString(36).slice(2, 8);
  let sequence = 0;
  let latestMs = 0;
  const publishListeners = new Set<(workspaceId: string, event: WorkspaceEvent) => void>();

  function deliver(workspaceId: string, stamped: StampedEvent) {
    // Another instance's event: what this one publishes next must sort after it.
    if (!stamped.id.endsWith(`-${instance}`)) latestMs = Math.max(latestMs, (Number.parseInt(stamped.id, 10) || 0) + 1);
    const list = kept.get(workspaceId) ?? [];
    list.push(stamped);
    if (list.length > keptPerWorkspace) list.splice(0, list.length - keptPerWorkspace);
    kept.set(workspaceId, list);
    local.emit(workspaceId, stamped);
  }

  const publisher = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  const subscriber = options.redisUrl ? new Redis(options.redisUrl) : null;
  publisher?.on("error", () => {});
  subscriber?.on("error", () => {});
  if (subscriber) {
    void subscriber.psubscribe(`${channelPrefix}*`);
    subscriber.on("pmessage", (_pattern, channel, message) => {
      try {
        deliver(channel.slice(channelPrefix.length), JSON.parse(message) as StampedEvent);
      } catch {
        // Not ours: ignore.
      }
    });
  }

  return {
    backend: publisher ? "redis" : "memory",
    local,
    publish(workspaceId, event) {
      latestMs = Math.max(latestMs, Date.now());
      const stamped = { id: `${latestMs}-${(sequence++).toString().padStart(6, "0")}-${instance}`, event };
      if (publisher) void publisher.publish(`${channelPrefix}${workspaceId}`, JSON.stringify(stamped)).catch(() => deliver(workspaceId, stamped));
      else deliver(workspaceId, stamped);
      for (const listener of publishListeners) listener(workspaceId, event);
    },
    onPublish(listener) {
      publishListeners.add(listener);
      return () => publishListeners.delete(listener);
    },
    since(workspaceId, lastEventId) {
      if (!lastEventId) return [];
      const list = kept.get(workspaceId) ?? [];
      // By position where the id is kept (ids of instances with skewed clocks need not be ordered).
      const position = list.findIndex((item) => item.id === lastEventId);
      if (position >= 0) return list.slice(position + 1);
      return list.filter((item) => item.id > lastEventId);
    },
    async close() {
      local.removeAllListeners();
      publishListeners.clear();
      await Promise.all([publisher?.quit().catch(() => undefined), subscriber?.quit().catch(() => undefined)]);
    },
  };
}
