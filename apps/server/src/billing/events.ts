import { z } from "zod";

/** Every event Creem documents (INTEGRATIONS.md); others are stored and ignored. */
export const handledEventTypes = [
  "checkout.completed",
  "subscription.active",
  "subscription.trialing",
  "subscription.paid",
  "subscription.update",
  "subscription.past_due",
  "subscription.unpaid",
  "subscription.paused",
  "subscription.scheduled_cancel",
  "subscription.canceled",
  "subscription.expired",
  "refund.created",
] as const;
export type HandledEventType = (typeof handledEventTypes)[number];

/** Creem's webhook envelope: the type field is `eventType`, `created_at` is in milliseconds. */
export const webhookEnvelopeSchema = z.object({
  id: z.string().min(1).max(200),
  eventType: z.string().min(1).max(100),
  created_at: z.number(),
  object: z.unknown(),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

/** An id, or an expanded object with one (Creem expands some references, not others). */
const reference = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).loose()]).transform((value) => (typeof value === "string" ? value : value.id));
const metadata = z.record(z.string(), z.unknown()).nullish();

export const subscriptionObjectSchema = z
  .object({
    id: z.string().min(1),
    product: reference,
    customer: reference.nullish(),
    status: z.string(),
    current_period_end_date: z.string().nullish(),
    metadata,
  })
  .loose();
export type CreemSubscription = z.infer<typeof subscriptionObjectSchema>;

/**
 * What a `subscription.paid` says about the payment it reports: the billing period (the
 * subscription's current one), the transaction (`last_transaction_id`, or an expanded
 * `last_transaction` with its amount and order) and the expanded product's price, the fallback
 * amount. Creem sends one `subscription.paid` per billing period: the first and every renewal.
 */
export const paymentOfSubscriptionSchema = z
  .object({
    id: z.string().min(1),
    current_period_start_date: z.string().nullish(),
    current_period_end_date: z.string().nullish(),
    last_transaction_id: z.string().min(1).nullish(),
    last_transaction: z
      .object({
        id: z.string().min(1),
        amount: z.number().int().nonnegative().nullish(),
        amount_paid: z.number().int().nonnegative().nullish(),
        currency: z.string().min(1).nullish(),
        order: reference.nullish(),
      })
      .loose()
      .nullish(),
    product: z.union([z.string(), z.object({ id: z.string().min(1), price: z.number().int().nonnegative().nullish(), currency: z.string().min(1).nullish() }).loose()]),
  })
  .loose();

/** The billing period of an expanded subscription object (checkout.completed carries one). */
export const subscriptionPeriodSchema = z
  .object({ id: z.string().min(1), current_period_start_date: z.string().nullish(), current_period_end_date: z.string().nullish() })
  .loose();

export const checkoutObjectSchema = z
  .object({
    id: z.string().min(1),
    request_id: z.string().nullish(),
    order: z.object({ id: z.string().min(1), amount: z.number().int().nonnegative(), currency: z.string().min(1) }).loose().nullish(),
    product: reference.nullish(),
    customer: reference.nullish(),
    subscription: reference.nullish(),
    metadata,
  })
  .loose();
export type CreemCheckout = z.infer<typeof checkoutObjectSchema>;

export const refundObjectSchema = z
  .object({
    id: z.string().min(1),
    refund_amount: z.number().int().nonnegative(),
    order: reference.nullish(),
    subscription: reference.nullish(),
    checkout: reference.nullish(),
    metadata,
  })
  .loose();
export type CreemRefund = z.infer<typeof refundObjectSchema>;

export function isHandledEventType(type: string): type is HandledEventType {
  return (handledEventTypes as readonly string[]).includes(type);
}
