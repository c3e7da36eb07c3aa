/**
 * The plan catalogue: one source for the server's limit checks, the portal's pricing page and the
 * landing site's pricing section. Pure data and helpers, no I/O, safe in any bundle.
 */

export const planIds = ["free", "pro", "business"] as const;
export type PlanId = (typeof planIds)[number];

/** The countable things a plan caps. `null` means unlimited. */
export const limitKeys = ["accounts", "members", "templates", "monthlyOutboundMessages"] as const;
export type LimitKey = (typeof limitKeys)[number];
export type PlanLimits = Record<LimitKey, number | null>;

export const featureKeys = ["sso", "apiAccess", "scheduledMessages"] as const;
export type FeatureKey = (typeof featureKeys)[number];

export type BillingInterval = "month" | "year";

/** The ISO 4217 currency of every `priceCents`, for formatting prices (Intl.NumberFormat). */
export const planCurrency = "USD";

export interface Plan {
  id: PlanId;
  name: string;
  /** Prices in US cents per billing interval; the yearly price is two months free. */
  priceCents: Record<BillingInterval, number>;
  limits: PlanLimits;
  features: Record<FeatureKey, boolean>;
}

export const plans = {
  free: {
    id: "free",
    name: "Free",
    priceCents: { month: 0, year: 0 },
    limits: { accounts: 1, members: 2, templates: 10, monthlyOutboundMessages: 1_000 },
    features: { sso: false, apiAccess: false, scheduledMessages: false },
  },
  pro: {
    id: "pro",
    name: "Pro",
    priceCents: { month: 1_900, year: 19_000 },
    limits: { accounts: 5, members: 10, templates: 200, monthlyOutboundMessages: 25_000 },
    features: { sso: false, apiAccess: true, scheduledMessages: true },
  },
  business: {
    id: "business",
    name: "Business",
    priceCents: { month: 7_900, year: 79_000 },
    limits: { accounts: 25, members: 50, templates: null, monthlyOutboundMessages: 250_000 },
    features: { sso: true, apiAccess: true, scheduledMessages: true },
  },
} as const satisfies Record<PlanId, Plan>;

/** The plans in display order (cheapest first). */
export const planList: readonly Plan[] = planIds.map((id) => plans[id]);

export const defaultPlanId: PlanId = "free";

/** A plan by id; unknown ids (a stale row, a removed plan) fall back to Free. */
export function getPlan(id: string | null | undefined): Plan {
  return planIds.includes(id as PlanId) ? plans[id as PlanId] : plans[defaultPlanId];
}

/** Whether one more of `key` fits: `used` is the count before the create. */
export function withinLimit(plan: Plan, key: LimitKey, used: number): boolean {
  const limit = plan.limits[key];
  return limit === null || used < limit;
}

/** The cheapest plan whose limit allows more than `used`, for an upgrade suggestion. */
export function planAllowing(key: LimitKey, used: number): Plan | undefined {
  return planList.find((plan) => withinLimit(plan, key, used));
}
