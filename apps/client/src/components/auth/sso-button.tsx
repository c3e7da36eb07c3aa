import { m } from "@nexis/i18n/messages";
import { ssoStartUrl, useSsoEnabled } from "../../lib/sso.ts";

/** "Continue with SSO" (WorkOS AuthKit), shown only when the server has SSO configured. */
export function SsoButton({ redirect }: { redirect: string | undefined }) {
  const enabled = useSsoEnabled();
  if (!enabled) return null;
  return (
    <div className="space-y-4">
      <a
        href={ssoStartUrl(redirect)}
        className="inline-flex min-h-10 w-full items-center justify-center rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
      >
        {m.auth_sso_continue()}
      </a>
      <p className="flex items-center gap-3 text-xs text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200 dark:before:bg-slate-700 dark:after:bg-slate-700">
        {m.auth_sso_or()}
      </p>
    </div>
  );
}
