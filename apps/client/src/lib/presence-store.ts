/**
 * What each contact is doing right now (`typing`, `recording`, `paused`…), from the live stream's
 * presence events. Kept in memory only: a presence is stale within seconds, so each one expires
 * on its own if WhatsApp never sends the "paused" that ends it.
 */
export const presenceTtlMs = 20_000;

type Listener = () => void;
const presences = new Map<string, string>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const listeners = new Set<Listener>();

const keyOf = (accountId: string, waChatId: string) => `${accountId}|${waChatId}`;
const notify = () => listeners.forEach((listener) => listener());

/** Records a presence event; anything but typing or recording clears the indicator. */
export function setPresence(accountId: string, waChatId: string, presence: string): void {
  const key = keyOf(accountId, waChatId);
  clearTimeout(timers.get(key));
  if (presence === "typing" || presence === "recording") {
    presences.set(key, presence);
    timers.set(
      key,
      setTimeout(() => {
        presences.delete(key);
        notify();
      }, presenceTtlMs),
    );
  } else presences.delete(key);
  notify();
}

/** The chat's current activity: "typing", "recording", or undefined. */
export function getPresence(accountId: string, waChatId: string): string | undefined {
  return presences.get(keyOf(accountId, waChatId));
}

export function subscribePresence(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
