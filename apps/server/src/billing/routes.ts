import type { Logger } from "@nexis/observability";
import { Hono } from "hono";
import { webhookEnvelopeSchema } from "./events.ts";
import { sandboxPages } from "./sandbox/pages.ts";
import type { BillingService } from "./service.ts";
import { verifyWebhookSignature } from "./signatures.ts";

/**
 * `POST /webhooks/creem`: the signature is checked on the raw body before anything parses it;
 * then the envelope is validated and applied once (a replayed id answers 200 and changes nothing).
 */
export function billingWebhookRoutes(service: BillingService, logger: Logger) {
  const app = new Hono();
  app.post("/creem", async (c) => {
    if (service.provider.kind === "none") return c.json({ error: "Payments are not configured on this server" }, 404);
    const raw = await c.req.text();
    if (!verifyWebhookSignature(raw, c.req.header("creem-signature"), service.webhookSecret)) {
      logger.warn("billing webhook refused: bad or missing creem-signature");
      return c.json({ error: "Invalid signature" }, 401);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return c.json({ error: "Body is not JSON" }, 400);
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success) return c.json({ error: "Not a webhook envelope", issues: envelope.error.issues.map((issue) => issue.message) }, 400);
    const result = await service.applyEvent(envelope.data);
    if (!result.duplicate && result.outcome === "ignored") logger.warn(`billing webhook ${envelope.data.id} (${envelope.data.eventType}) ignored: ${result.reason ?? ""}`);
    return c.json({ received: true, duplicate: result.duplicate }, 200);
  });
  return app;
}

/** The sandbox's hosted pages, when the sandbox is the provider. */
export function sandboxRoutes(service: BillingService, db: Parameters<typeof sandboxPages>[0]["db"], formTargets: string[]) {
  if (!service.sandbox) return undefined;
  return sandboxPages({ db, provider: service.sandbox.provider, sender: service.sandbox.sender, apiKey: service.sandbox.apiKey, formTargets });
}
