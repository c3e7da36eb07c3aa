/** One server-sent event as tRPC sends it: `id:` (for tracked events), `event:` and `data:`. */
export interface SseEvent {
  id: string | null;
  event: string | null;
  data: unknown;
}

/**
 * Opens an SSE stream with the given headers and collects its events until `done` says so (or
 * the timeout passes), then closes it. Parses the text/event-stream format by hand: Node has no
 * EventSource, and this shows exactly what a browser would receive.
 */
export async function collectSse(url: string, headers: Record<string, string>, done: (events: SseEvent[]) => boolean, timeoutMs = 10_000): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: SseEvent[] = [];
  try {
    const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`SSE answered ${response.status}: ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const field = (name: string) => block.split("\n").find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
        const data = field("data");
        if (data !== null) events.push({ id: field("id"), event: field("event"), data: JSON.parse(data) as unknown });
        boundary = buffer.indexOf("\n\n");
      }
      if (done(events)) break;
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
