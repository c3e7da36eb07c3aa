import { m } from "@nexis/i18n/messages";
import { toast } from "sonner";
import { describeApiError } from "./api-error.ts";

/** Shows a failed API call as a toast: plan limits with the upgrade link, role refusals plainly. */
export function toastApiError(error: unknown) {
  const problem = describeApiError(error);
  switch (problem.kind) {
    case "plan-limit":
      toast.error(m.error_plan_limit(), {
        description: m.error_plan_limit_hint(),
        action: problem.upgradeUrl ? { label: m.error_upgrade(), onClick: () => window.open(problem.upgradeUrl ?? "", "_blank", "noopener") } : undefined,
      });
      return;
    case "role":
      toast.error(m.error_role());
      return;
    case "invalid":
      toast.error(m.error_invalid(), { description: problem.issues.join("\n") });
      return;
    default:
      toast.error(m.error_generic(), { description: problem.message });
  }
}
