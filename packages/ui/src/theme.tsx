"use client";

import { useCallback, useSyncExternalStore } from "react";
import { themeStorageKey } from "./theme-script.ts";

export type Theme = "light" | "dark";
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const readTheme = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** The current theme and a setter that persists it; the server render assumes light. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "light" as const);
  const setTheme = useCallback((next: Theme) => {
    document.documentElement.classList.toggle("dark", next === "dark");
    localStorage.setItem(themeStorageKey, next);
    for (const listener of listeners) listener();
  }, []);
  return [theme, setTheme];
}
