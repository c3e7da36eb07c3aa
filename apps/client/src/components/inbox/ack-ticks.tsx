import { m } from "@nexis/i18n/messages";
import { type AckState, ackState } from "../../lib/ack.ts";

const labels: Record<AckState, () => string> = {
  failed: m.ack_failed,
  pending: m.ack_pending,
  sent: m.ack_sent,
  delivered: m.ack_delivered,
  read: m.ack_read,
};

/** WhatsApp's delivery marks: clock, ✓, ✓✓, blue ✓✓, or a red failure sign. */
export function AckTicks({ ack }: { ack: number }) {
  const state = ackState(ack);
  const label = labels[state]();
  return (
    <span role="img" aria-label={label} title={label} data-ack={state} className={ackColor[state]}>
      <svg viewBox="0 0 18 12" className="inline size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        {state === "pending" && (
          <>
            <circle cx="9" cy="6" r="4.5" />
            <path d="M9 3.5V6l1.5 1.5" />
          </>
        )}
        {state === "failed" && (
          <>
            <circle cx="9" cy="6" r="4.5" />
            <path d="M9 3.5v3M9 8.5v.1" />
          </>
        )}
        {state === "sent" && <path d="M4 6.5l3 3 6-7" />}
        {(state === "delivered" || state === "read") && <path d="M1.5 6.5l3 3 6-7M7.5 9.5l6-7M6.2 8.2" />}
      </svg>
    </span>
  );
}

const ackColor: Record<AckState, string> = {
  failed: "text-red-600 dark:text-red-400",
  pending: "text-slate-500 dark:text-slate-400",
  sent: "text-slate-500 dark:text-slate-400",
  delivered: "text-slate-500 dark:text-slate-400",
  read: "text-sky-500",
};
