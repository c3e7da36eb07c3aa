import { useSyncExternalStore } from "react";

// The agent's opt-in to alerts for new messages, per browser (a device choice, like the theme).
const storageKey = "nexis.notifications";
const listeners = new Set<() => void>();
let cached: boolean | null = null;

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(storageKey) === "on";
  } catch {
    return false; // storage blocked (private mode): alerts stay off
  }
}

/** Turns alerts on or off for this browser. */
export function setNotificationsEnabled(enabled: boolean): void {
  try {
    localStorage.setItem(storageKey, enabled ? "on" : "off");
  } catch {
    // storage blocked: the choice lasts until the page reloads
  }
  cached = enabled;
  for (const listener of listeners) listener();
}

const get = () => (cached ??= read());

/** Whether the agent opted in to alerts for new messages (re-renders when it changes). */
export function useNotificationsEnabled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get,
    () => false,
  );
}

/** Whether this browser can show system notifications at all (the title badge works anyway). */
export const browserNotificationsSupported = () => typeof window !== "undefined" && "Notification" in window;
