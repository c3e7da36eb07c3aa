"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page on the server every `everyMs` (at most `times`), e.g. while a webhook is awaited. */
export function AutoRefresh({ everyMs = 1500, times = 40 }: { everyMs?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      if (++count > times) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, times]);
  return null;
}
