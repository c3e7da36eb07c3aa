import { useSyncExternalStore } from "react";

/** An on/off state that components far apart share (a panel's toggle and its keyboard shortcut). */
export interface ToggleStore {
  get(): boolean;
  set(next: boolean): void;
  toggle(): void;
  subscribe(listener: () => void): () => void;
}

export function createToggleStore(initial = false): ToggleStore {
  let value = initial;
  const listeners = new Set<() => void>();
  const store: ToggleStore = {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
    toggle: () => store.set(!value),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

/** The store's current value; re-renders when it changes. */
export function useToggle(store: ToggleStore): boolean {
  return useSyncExternalStore(store.subscribe, store.get, () => false);
}

/** Whether the notes panel is open; it stays as the agent left it from one chat to the next. */
export const notesPanel = createToggleStore();

/** Whether the keyboard shortcuts sheet is open. */
export const shortcutsHelp = createToggleStore();
