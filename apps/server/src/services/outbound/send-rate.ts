/**
 * One token bucket per number serves every send rate: the bucket holds `points` a minute and a
 * message costs `points / rate` of them. Sized at 60 × the server default, a number without its
 * own rate pays exactly 60 points (the default, as before); a number's own rate of 1–60 a minute
 * is rounded up to whole points, so it never sends faster than asked.
 */
export function sendRateBucket(defaultPerMinute: number) {
  const points = 60 * defaultPerMinute;
  return {
    points,
    /** The points one message costs on a number with this rate (null: the server default). */
    costOf: (messagesPerMinute: number | null) => (messagesPerMinute === null ? 60 : Math.min(points, Math.ceil(points / messagesPerMinute))),
  };
}
export type SendRateBucket = ReturnType<typeof sendRateBucket>;
