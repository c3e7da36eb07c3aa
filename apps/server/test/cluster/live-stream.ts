import { eventually } from "../support/sandbox-number.ts";

/** One SSE block as the browser's EventSource reads it, with the `retry:` field kept. */
export interface StreamBlock {
  id: string | null;
  event: string | null;
  data: unknown;
  retry: number | null;
}

export interface LiveStream {
  /** Resolves once the first frame (tRPC's `connected`) arrived. */
  ready: Promise<void>;
  blocks: StreamBlock[];
  /** The workspace events so far (tracked: with an id). */
  events(): Array<{ id: string; type: string; chatId?: string }>;
  /** The id the browser would send back as Last-Event-ID. */
  lastEventId(): string | null;
  /** Resolves when the server ended the stream (not when `close` did). */
  ended: Promise<void>;
  waitFor(condition: (events: ReturnType<LiveStream["events"]>) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * `events.live` on one instance, read by hand as text/event-stream (Node has no EventSource),
 * keeping what a browser keeps: ids, and the `retry:` hint it reconnects after.
 */
export function openLiveStream(baseUrl: string, token: string, lastEventId?: string): LiveStream {
  const controller = new AbortController();
  const blocks: StreamBlock[] = [];
  let connected = () => {};
  const ready = new Promise<void>((resolve) => (connected = resolve));

  async function read() {
    const headers: Record<string, string> = { accept: "text/event-stream", authorization: `Bearer ${token}` };
    if (lastEventId) headers["last-event-id"] = lastEventId;
    const response = await fetch(`${baseUrl}/trpc/events.live`, { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`SSE answered ${response.status}: ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const lines = buffer.slice(0, boundary).split("\n");
        buffer = buffer.slice(boundary + 2);
        const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
        const data = field("data");
        const retry = field("retry");
        if (data !== null || retry !== null) {
          blocks.push({ id: field("id"), event: field("event"), data: data === null || data === "" ? null : (JSON.parse(data) as unknown), retry: retry === null ? null : Number(retry) });
          connected();
        }
        boundary = buffer.indexOf("\n\n");
      }
    }
  }

  const ended = read().catch((error: unknown) => {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  });
  const events = () =>
    blocks.filter((block) => block.id && block.data).map((block) => ({ id: block.id as string, ...(block.data as { type: string; chatId?: string }) }));

  return {
    ready,
    blocks,
    events,
    lastEventId: () => events().at(-1)?.id ?? lastEventId ?? null,
    ended,
    waitFor: (condition, timeoutMs = 20_000) =>
      eventually(async () => {
        if (!condition(events())) throw new Error(`not yet: ${JSON.stringify(events().map((event) => event.type))}`);
      }, timeoutMs),
    close: () => controller.abort(),
  };
}
