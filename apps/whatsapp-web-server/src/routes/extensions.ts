import { Elysia } from "elysia";
import { z } from "zod";
import { parseInput, sessionNameSchema } from "../sessions/session-schemas.ts";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher.ts";

export const webhookLogQuerySchema = z.object({
  session: sessionNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Our extensions under `/api/x/*` (not WAHA). */
export function extensionRoutes(webhooks: WebhookDispatcher) {
  return new Elysia({ name: "extensions" }).get("/api/x/webhooks", ({ query }) => {
    const input = parseInput(webhookLogQuerySchema, query);
    return { pending: webhooks.pending(input.session), attempts: webhooks.log.recent(input) };
  });
}
