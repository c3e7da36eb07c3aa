/** What a checkout needs: Creem's `POST /v1/checkouts` fields, named our way. */
export interface CheckoutRequest {
  productId: string;
  /** Our pending checkout's id; comes back in the return URL and the webhooks. */
  requestId: string;
  successUrl: string;
  customerEmail: string;
  metadata: { workspaceId: string; userId: string };
}

/**
 * A payment provider: Creem when `CREEM_API_KEY` is set, otherwise the sandbox, which behaves like
 * Creem (same return URL and signature, same signed webhooks) with no account anywhere, or
 * `none` in production without either (`BILLING_SANDBOX`). The choice is made once, in
 * `createBillingService`. Access is never granted here: only webhooks
 * change the subscription row.
 */
export interface PaymentProvider {
  readonly kind: "sandbox" | "creem" | "none";
  /** Starts a hosted checkout; the buyer is sent to `checkoutUrl`. */
  createCheckout(request: CheckoutRequest): Promise<{ checkoutId: string; checkoutUrl: string }>;
  /** Cancels at the end of the period (`scheduled`) or at once (`immediate`). */
  cancelSubscription(subscriptionId: string, mode: "scheduled" | "immediate"): Promise<void>;
  /** Moves the subscription to another product, prorated. */
  upgradeSubscription(subscriptionId: string, productId: string): Promise<void>;
  /** Takes back a scheduled cancellation. */
  resumeSubscription(subscriptionId: string): Promise<void>;
  /** A link to the provider's customer portal (invoices, payment method). */
  customerPortalUrl(customerId: string): Promise<string>;
}

/** The provider refused or could not be reached; the message is safe to show. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

/** No payment provider on this server (production without `CREEM_API_KEY` or `BILLING_SANDBOX=true`). */
export class PaymentsNotConfiguredError extends PaymentProviderError {
  constructor() {
    super("Payments are not configured on this server: set CREEM_API_KEY (with the CREEM_* settings) to take payments, or BILLING_SANDBOX=true to use the test sandbox.");
    this.name = "PaymentsNotConfiguredError";
  }
}

/** The provider of a server that takes no payments: every call is refused with a clear reason. */
export const noPaymentProvider: PaymentProvider = {
  kind: "none",
  createCheckout: () => Promise.reject(new PaymentsNotConfiguredError()),
  cancelSubscription: () => Promise.reject(new PaymentsNotConfiguredError()),
  upgradeSubscription: () => Promise.reject(new PaymentsNotConfiguredError()),
  resumeSubscription: () => Promise.reject(new PaymentsNotConfiguredError()),
  customerPortalUrl: () => Promise.reject(new PaymentsNotConfiguredError()),
};
