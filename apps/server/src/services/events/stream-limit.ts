import { TRPCError } from "@trpc/server";

/**
 * Caps the live streams one user holds open on this instance (tabs, devices, reconnect storms),
 * so a single account cannot exhaust the server's connections. Each stream takes a slot while
 * open and gives it back when it ends, however it ends.
 */
export function createStreamLimit(maxPerUser: number) {
  const open = new Map<string, number>();
  return {
    /** Takes a slot for `userId`, or refuses with TOO_MANY_REQUESTS; returns the release. */
    acquire(userId: string): () => void {
      const count = open.get(userId) ?? 0;
      if (count >= maxPerUser) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many live connections for this account (${maxPerUser}). Close other NexisChat tabs and try again.`,
        });
      }
      open.set(userId, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(userId) ?? 1) - 1;
        if (left <= 0) open.delete(userId);
        else open.set(userId, left);
      };
    },
    /** Open streams of a user (tests, metrics). */
    count: (userId: string) => open.get(userId) ?? 0,
  };
}

export type StreamLimit = ReturnType<typeof createStreamLimit>;
