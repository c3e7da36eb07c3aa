import { m } from "@nexis/i18n/messages";
import { StatusBadge } from "@nexis/ui";
import type { AccountStatus } from "../../lib/api-types.ts";

const labels: Record<AccountStatus, () => string> = {
  STOPPED: m.status_STOPPED,
  STARTING: m.status_STARTING,
  SCAN_QR_CODE: m.status_SCAN_QR_CODE,
  WORKING: m.status_WORKING,
  FAILED: m.status_FAILED,
};

const tones = { STOPPED: "error", STARTING: "pending", SCAN_QR_CODE: "pending", WORKING: "ok", FAILED: "error" } as const;

/** A linked number's session status as a coloured pill. */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <StatusBadge tone={tones[status]}>{labels[status]()}</StatusBadge>;
}
