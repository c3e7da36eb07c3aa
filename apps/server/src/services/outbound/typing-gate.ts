/**
 * Keeps "typing…" calls to WhatsApp sensible: a chat's start is passed on at most once every
 * `repeatMs` (the phone keeps showing it for about 25 s, so a composer calling on every keystroke
 * costs one call), and a stop only when a start was passed on and is still showing.
 */
export function createTypingGate(options: { repeatMs?: number; showingMs?: number } = {}) {
  const repeatMs = options.repeatMs ?? 5_000;
  const showingMs = options.showingMs ?? 30_000;
  const started = new Map<string, number>();

  return {
    /** Whether to tell WhatsApp about this start (`typing`) or stop now. */
    shouldSend(chatId: string, typing: boolean, now = Date.now()): boolean {
      if (started.size > 10_000) {
        for (const [id, at] of started) if (now - at > showingMs) started.delete(id);
      }
      const last = started.get(chatId);
      if (typing) {
        if (last !== undefined && now - last < repeatMs) return false;
        started.set(chatId, now);
        return true;
      }
      started.delete(chatId);
      return last !== undefined && now - last <= showingMs;
    },
  };
}

/** This process's gate (typing is per person and short-lived: no need to share it across instances). */
export const typingGate = createTypingGate();
