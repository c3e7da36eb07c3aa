import { useEffect, useState } from "react";

/** Seconds left of `period`, restarting whenever `resetKey` changes (a new QR). */
export function useCountdown(resetKey: unknown, period: number): number {
  const [started, setStarted] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const reset = Date.now();
    setStarted(reset);
    setNow(reset);
  }, [resetKey]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return Math.min(period, Math.max(0, period - Math.floor((now - started) / 1000)));
}
