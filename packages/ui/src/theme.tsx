import { useCallback, useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const storageKey = "nexis-theme";

/**
 * Inline script for <head>: applies the saved theme (or the system's) before the first paint, so
 * a dark-mode user never sees a white flash.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${storageKey}");if(!t)t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.toggle("dark",t==="dark")}catch(e){}})()`;

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
    localStorage.setItem(storageKey, next);
    for (const listener of listeners) listener();
  }, []);
  return [theme, setTheme];
}
