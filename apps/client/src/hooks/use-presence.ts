import { useSyncExternalStore } from "react";
import { getPresence, subscribePresence } from "../lib/presence-store.ts";

/** The contact's live activity in one chat ("typing", "recording"), while it lasts. */
export function usePresence(accountId: string | undefined, waChatId: string | undefined): string | undefined {
  return useSyncExternalStore(
    subscribePresence,
    () => (accountId && waChatId ? getPresence(accountId, waChatId) : undefined),
    () => undefined,
  );
}
