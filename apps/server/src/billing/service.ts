import { createHmac } from "node:crypto";
import type { Database } from "@nexis/db";
import type { Logger } from "@nexis/observability";
import { applyWebhookEvent } from "./apply-event.ts";
import { createCreemProvider } from "./creem.ts";
import { type ProductIds, sandboxProductIds } from "./products.ts";
import { noPaymentProvider, type PaymentProvider, PaymentsNotConfiguredError } from "./provider.ts";
import { createSandboxProvider, type SandboxProvider } from "./sandbox/sandbox-provider.ts";
import { createWebhookSender, type WebhookSender } from "./sandbox/webhook-sender.ts";
import type { WebhookEnvelope } from "./events.ts";

/** Billing configuration; the server fills it from env (`CREEM_*`), tests pass it directly. */
export interface BillingOptions {
  /** Creem when set; the sandbox provider otherwise. */
  creemApiKey?: string | undefined;
  /** Verifies `creem-signature`; the sandbox derives one when unset. */
  creemWebhookSecret?: string | undefined;
  /** Creem's product ids for each paid plan and interval (required with a Creem key). */
  creemProducts?: ProductIds | undefined;
  /** Overrides the API host the key implies (tests point it at a stub). */
  creemApiUrl?: string | undefined;
  /** The sandbox's webhook retry delays; Creem's schedule (30 s, 1 min, 5 min, 1 h) by default. */
  webhookRetryDelaysMs?: number[] | undefined;
  /**
   * Whether the sandbox may stand in when no Creem key is set (default true). The server's env
   * turns it off in production unless `BILLING_SANDBOX=true`: a live server must not hand out
   * plans for test cards.
   */
  sandbox?: boolean | undefined;
}

export interface BillingService {
  provider: PaymentProvider;
  /** The return URL's salt: the Creem API key, or the sandbox's stand-in. */
  returnSalt: string;
  webhookSecret: string;
  products: ProductIds;
  /** Where checkouts send the buyer back: the portal's return page. */
  successUrl: string;
  /** Present with the sandbox provider. */
  sandbox?: { provider: SandboxProvider; sender: WebhookSender; apiKey: string };
  applyEvent(envelope: WebhookEnvelope): ReturnType<typeof applyWebhookEvent>;
}

/**
 * Picks the payment provider once, from the options: Creem with an API key, otherwise the
 * sandbox (when allowed), whose keys are derived from the auth secret (stable across restarts,
 * never shown), otherwise none.
 */
export function createBillingService(params: {
  db: Database;
  options: BillingOptions;
  serverUrl: string;
  subscriptionUrl: string;
  authSecret: string;
  /** Sends a request to this server (the sandbox posts its webhooks through it). */
  deliver: (request: Request) => Promise<Response>;
  /** Where the sandbox's failed webhook deliveries are reported. */
  logger: Logger;
}): BillingService {
  const { db, options } = params;
  const successUrl = `${params.subscriptionUrl}/billing/return`;

  if (options.creemApiKey) {
    if (!options.creemWebhookSecret) throw new Error("CREEM_WEBHOOK_SECRET is required with CREEM_API_KEY");
    if (!options.creemProducts) throw new Error("CREEM_PRODUCT_* ids are required with CREEM_API_KEY");
    const products = options.creemProducts;
    const webhookSecret = options.creemWebhookSecret;
    return {
      provider: createCreemProvider({ apiKey: options.creemApiKey, ...(options.creemApiUrl ? { baseUrl: options.creemApiUrl } : {}) }),
      returnSalt: options.creemApiKey,
      webhookSecret,
      products,
      successUrl,
      applyEvent: (envelope) => applyWebhookEvent(db, envelope, { provider: "creem", products }),
    };
  }

  if (options.sandbox === false) {
    // Nothing can be paid, so no webhook is accepted either (the route answers 404).
    return {
      provider: noPaymentProvider,
      returnSalt: "",
      webhookSecret: "",
      products: sandboxProductIds,
      successUrl,
      applyEvent: () => Promise.reject(new PaymentsNotConfiguredError()),
    };
  }

  const derived = sandboxSecrets(params.authSecret);
  const apiKey = derived.apiKey;
  const webhookSecret = options.creemWebhookSecret ?? derived.webhookSecret;
  const sender = createWebhookSender({
    deliver: params.deliver,
    url: `${params.serverUrl}/webhooks/creem`,
    secret: webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs,
    log: (message) => params.logger.warn(message),
  });
  const provider = createSandboxProvider({ db, serverUrl: params.serverUrl, products: sandboxProductIds, sender });
  return {
    provider,
    returnSalt: apiKey,
    webhookSecret,
    products: sandboxProductIds,
    successUrl,
    sandbox: { provider, sender, apiKey },
    applyEvent: (envelope) => applyWebhookEvent(db, envelope, { provider: "sandbox", products: sandboxProductIds }),
  };
}

/** The sandbox's stand-ins for Creem's API key and webhook secret, derived from the server's secret. */
export function sandboxSecrets(authSecret: string) {
  const derive = (label: string) => createHmac("sha256", authSecret).update(`nexis-billing-sandbox:${label}`).digest("hex");
  return { apiKey: `sandbox_${derive("api-key")}`, webhookSecret: derive("webhook-secret") };
}

/**
 * Each app's billing service, keyed by its Better Auth instance (one per `createApp`), so the
 * billing procedures find it from their context without a new context field.
 */
const services = new WeakMap<object, BillingService>();

export function registerBillingService(auth: object, service: BillingService) {
  services.set(auth, service);
}

export function billingServiceOf(auth: object): BillingService {
  const service = services.get(auth);
  if (!service) throw new Error("billing is not set up for this app");
  return service;
}
