import { z } from "zod";
import { type CheckoutRequest, type PaymentProvider, PaymentProviderError } from "./provider.ts";

export interface CreemOptions {
  apiKey: string;
  /** Defaults from the key: `https://test-api.creem.io` for `creem_test_` keys, `https://api.creem.io` otherwise. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The API host a key belongs to (INTEGRATIONS.md: test keys start `creem_test_`). */
export function creemBaseUrl(apiKey: string): string {
  return apiKey.startsWith("creem_test_") ? "https://test-api.creem.io" : "https://api.creem.io";
}

const checkoutResponse = z.object({ id: z.string().min(1), checkout_url: z.url() });
const portalResponse = z.object({ customer_portal_link: z.url() });
const anyObject = z.object({}).loose();

/**
 * Creem over plain `fetch` with typed (zod-checked) answers: the few calls we make do not need the
 * SDK, and a base URL option lets the tests point it at a local stub.
 */
export function createCreemProvider(options: CreemOptions): PaymentProvider {
  const baseUrl = (options.baseUrl ?? creemBaseUrl(options.apiKey)).replace(/\/$/, "");
  const fetchFn = options.fetch ?? fetch;

  async function call<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema): Promise<z.infer<Schema>> {
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "x-api-key": options.apiKey, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new PaymentProviderError(`Creem could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    const text = await response.text();
    if (!response.ok) throw new PaymentProviderError(`Creem answered ${response.status} to ${path}: ${text.slice(0, 300)}`, response.status);
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) throw new PaymentProviderError(`Creem's answer to ${path} had an unexpected shape.`, response.status);
    return parsed.data;
  }

  return {
    kind: "creem",
    async createCheckout(request: CheckoutRequest) {
      const answer = await call(
        "/v1/checkouts",
        {
          product_id: request.productId,
          request_id: request.requestId,
          success_url: request.successUrl,
          metadata: request.metadata,
          customer: { email: request.customerEmail },
        },
        checkoutResponse,
      );
      return { checkoutId: answer.id, checkoutUrl: answer.checkout_url };
    },
    async cancelSubscription(subscriptionId, mode) {
      await call(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}/cancel`, { mode }, anyObject);
    },
    async upgradeSubscription(subscriptionId, productId) {
      await call(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}/upgrade`, { product_id: productId, update_behavior: "proration-charge-immediately" }, anyObject);
    },
    async resumeSubscription(subscriptionId) {
      await call(`/v1/subscriptions/${encodeURIComponent(subscriptionId)}/resume`, {}, anyObject);
    },
    async customerPortalUrl(customerId) {
      return (await call("/v1/customers/billing", { customer_id: customerId }, portalResponse)).customer_portal_link;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
