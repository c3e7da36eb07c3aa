import { useEffect, useState } from "react";
import { markOf, type ReadMark, unseenSince } from "../lib/unseen-messages.ts";

type Listed = Parameters<typeof unseenSince>[0][number];

/**
 * How many messages from contacts arrived since the reader scrolled away from the newest ones
 * (`newest`: the first page, newest first); 0 once they are back at the bottom.
 */
export function useUnseenWhileAway(newest: readonly Listed[], away: boolean): number {
  const [mark, setMark] = useState<ReadMark | null>(null);
  useEffect(() => {
    if (!away) setMark(null);
    else setMark((current) => current ?? markOf(newest));
  }, [away, newest]);
  return away && mark ? unseenSince(newest, mark) : 0;
}
