/**
 * A slow safety-net refresh for lists: changes arrive through the live event stream
 * (`use-live-events.ts`); this only catches up if the stream was down for a while.
 */
export const liveRefetchInterval = 30_000;
/** The QR rotates every 20 s; polling every 2 s shows each new one quickly. */
export const qrRefetchInterval = 2_000;
