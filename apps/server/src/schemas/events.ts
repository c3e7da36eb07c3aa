import { z } from "zod";

/** Where a reconnecting client left off: the id of the last event it received. */
export const liveEventsSchema = z.object({ lastEventId: z.string().regex(/^[\w-]{1,80}$/, "An event id from this stream").nullish() }).optional();
export type LiveEventsInput = z.infer<typeof liveEventsSchema>;
