/**
 * Words for the plan catalogue's keys in a locale. Typed as records over the catalogue's own key
 * lists, so a limit, feature or plan added to @nexis/plans fails the typecheck until it has words here.
 */
import type { FeatureKey, LimitKey, PlanId } from "@nexis/plans";
import { m } from "@nexis/i18n/messages";
import type { Locale } from "./i18n.ts";

export function limitLabels(locale: Locale): Record<LimitKey, string> {
  return {
    accounts: m.landing_pricing_limit_accounts({}, { locale }),
    members: m.landing_pricing_limit_members({}, { locale }),
    templates: m.landing_pricing_limit_templates({}, { locale }),
    monthlyOutboundMessages: m.landing_pricing_limit_messages({}, { locale }),
  };
}

export function featureLabels(locale: Locale): Record<FeatureKey, string> {
  return {
    sso: m.landing_pricing_feature_sso({}, { locale }),
    apiAccess: m.landing_pricing_feature_api({}, { locale }),
    scheduledMessages: m.landing_pricing_feature_scheduled({}, { locale }),
  };
}

/** One line on who each plan is for. */
export function planSummaries(locale: Locale): Record<PlanId, string> {
  return {
    free: m.landing_pricing_plan_free_text({}, { locale }),
    pro: m.landing_pricing_plan_pro_text({}, { locale }),
    business: m.landing_pricing_plan_business_text({}, { locale }),
  };
}
