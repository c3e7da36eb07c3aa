import { useEffect, useRef } from "react";

/** Calls `load` when the returned element scrolls into view (infinite scroll's sentinel). */
export function useLoadOnVisible<T extends HTMLElement>(load: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [load, enabled]);
  return ref;
}
