import type { BillingInterval } from "@nexis/plans";

export type PaidPlanId = "pro" | "business";
export const paidPlanIds = ["pro", "business"] as const;
export const billingIntervals = ["month", "year"] as const;

/** The provider's product id for each paid plan and interval. */
export type ProductIds = Record<PaidPlanId, Record<BillingInterval, string>>;

/** The sandbox's made-up product ids (Creem's look like `prod_…`). */
export const sandboxProductIds: ProductIds = {
  pro: { month: "prod_sandbox_pro_month", year: "prod_sandbox_pro_year" },
  business: { month: "prod_sandbox_business_month", year: "prod_sandbox_business_year" },
};

/** The plan and interval a product id stands for; undefined for a product we do not sell. */
export function planOfProduct(products: ProductIds, productId: string): { plan: PaidPlanId; interval: BillingInterval } | undefined {
  for (const plan of paidPlanIds) {
    for (const interval of billingIntervals) {
      if (products[plan][interval] === productId) return { plan, interval };
    }
  }
  return undefined;
}
