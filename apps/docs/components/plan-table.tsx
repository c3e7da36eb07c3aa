import { featureKeys, limitKeys, planCurrency, planList, type FeatureKey, type LimitKey } from "@nexis/plans";

const limitLabels: Record<LimitKey, string> = {
  accounts: "Linked WhatsApp numbers",
  members: "Members (with pending invitations)",
  templates: "Templates",
  monthlyOutboundMessages: "Outbound messages a month",
};

const featureLabels: Record<FeatureKey, string> = {
  sso: "Single sign-on",
  apiAccess: "API access",
  scheduledMessages: "Scheduled messages",
};

const number = new Intl.NumberFormat("en");
const price = (cents: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: planCurrency, maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);

/**
 * The plan catalogue (`@nexis/plans`, the same one the server's limit checks and the landing's
 * pricing use), rendered at build time: prices, limits and features side by side.
 */
export function PlanTable() {
  return (
    <table>
      <thead>
        <tr>
          <th />
          {planList.map((plan) => (
            <th key={plan.id} data-plan={plan.id}>
              {plan.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Price a month</th>
          {planList.map((plan) => (
            <td key={plan.id}>{price(plan.priceCents.month)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">Price a year</th>
          {planList.map((plan) => (
            <td key={plan.id}>{price(plan.priceCents.year)}</td>
          ))}
        </tr>
        {limitKeys.map((key) => (
          <tr key={key}>
            <th scope="row">{limitLabels[key]}</th>
            {planList.map((plan) => (
              <td key={plan.id}>{plan.limits[key] === null ? "Unlimited" : number.format(plan.limits[key])}</td>
            ))}
          </tr>
        ))}
        {featureKeys.map((key) => (
          <tr key={key}>
            <th scope="row">{featureLabels[key]}</th>
            {planList.map((plan) => (
              <td key={plan.id}>{plan.features[key] ? "✓" : "–"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
