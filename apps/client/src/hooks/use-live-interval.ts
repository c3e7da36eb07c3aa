/**
 * How often lists refresh until the API's live events (SSE subscription) arrive; the one place to
 * change when polling gives way to a subscription.
 */
export const liveRefetchInterval = 3_000;
/** The QR rotates every 20 s; polling every 2 s shows each new one quickly. */
export const qrRefetchInterval = 2_000;
