import { useCallback, useRef, useState } from "react";

/** Further than this from the newest message, the thread offers to jump back to it. */
const awayPx = 240;

/**
 * For a `flex-col-reverse` scroller (its newest end is scrollTop 0, and scrolling up goes
 * negative): whether the user has scrolled away from the newest messages, and a jump back.
 */
export function useJumpToNewest<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [away, setAway] = useState(false);
  const onScroll = useCallback(() => {
    const element = ref.current;
    if (element) setAway(Math.abs(element.scrollTop) > awayPx);
  }, []);
  const jump = useCallback(() => ref.current?.scrollTo({ top: 0, behavior: "smooth" }), []);
  return { ref, away, onScroll, jump };
}
