import { m } from "@nexis/i18n/messages";
import { toast } from "sonner";
import { browserNotificationsSupported, setNotificationsEnabled, useNotificationsEnabled } from "../../lib/notification-prefs.ts";

/**
 * The bell: opts in to alerts for new messages while the tab is hidden. Asks for the browser's
 * permission on the way; a refusal still leaves the count in the title.
 */
export function NotificationToggle() {
  const enabled = useNotificationsEnabled();
  const toggle = async () => {
    if (enabled) {
      setNotificationsEnabled(false);
      return;
    }
    setNotificationsEnabled(true);
    if (!browserNotificationsSupported()) return;
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission === "denied") toast.info(m.notifications_blocked());
  };
  const label = enabled ? m.notifications_turn_off() : m.notifications_turn_on();
  return (
    <button
      type="button"
      aria-pressed={enabled}
      aria-label={label}
      title={label}
      data-testid="notification-toggle"
      onClick={() => void toggle()}
      className="inline-flex size-10 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        {!enabled && <path d="M2 2l20 20" />}
      </svg>
    </button>
  );
}
