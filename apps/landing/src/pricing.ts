/**
 * The landing site's view of the shared plan catalogue (@nexis/plans): prices and limits formatted
 * for a locale, and each plan's link into the subscription portal. Nothing here states a price.
 */
import { planCurrency, planList, type BillingInterval, type Plan, type PlanId } from "@nexis/plans";
import { landingEnv } from "./env.ts";
import type { Locale } from "./i18n.ts";

/** A price in the catalogue's currency; whole amounts drop the cents ($19, not $19.00). */
export function formatPrice(cents: number, locale: Locale): string {
  const fractionDigits = cents % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: planCurrency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(cents / 100);
}

/** A plan limit as a number in the locale (25,000 / 25.000), or `unlimited` for `null`. */
export function formatLimit(limit: number | null, locale: Locale, unlimited: string): string {
  return limit === null ? unlimited : new Intl.NumberFormat(locale).format(limit);
}

/**
 * The biggest saving a yearly price gives over twelve monthly ones, as a percentage in the locale
 * (17%), or undefined when no plan is cheaper yearly. Computed, so it stays true to the catalogue.
 */
export function yearlySaving(locale: Locale, plans: readonly Plan[] = planList): string | undefined {
  const savings = plans
    .filter((plan) => plan.priceCents.month > 0)
    .map((plan) => 1 - plan.priceCents.year / (plan.priceCents.month * 12));
  const best = Math.max(0, ...savings);
  return best > 0 ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(best) : undefined;
}

/** Where a plan's call to action leads: the portal's pricing page with the plan and period chosen. */
export function subscribeUrl(planId: PlanId, interval: BillingInterval): string {
  const url = new URL(`${landingEnv.subscriptionUrl}/pricing`);
  url.searchParams.set("plan", planId);
  url.searchParams.set("interval", interval);
  return url.href;
}
