import { m } from "@nexis/i18n/messages";
import { useQuery } from "@tanstack/react-query";
import { clientEnv } from "../env.ts";
import { safeRedirect } from "./safe-redirect.ts";

const ssoBase = `${clientEnv.serverUrl}/api/auth/sso`;

/** Whether the server offers WorkOS SSO (`/api/auth/sso/config`); off while unknown or unreachable. */
export function useSsoEnabled(): boolean {
  const config = useQuery({
    queryKey: ["sso-config"],
    queryFn: async () => {
      const response = await fetch(`${ssoBase}/config`, { credentials: "include" });
      if (!response.ok) return { enabled: false };
      return (await response.json()) as { enabled: boolean };
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return config.data?.enabled === true;
}

/** Where "Continue with SSO" goes: the server's start route, which sends the browser on to AuthKit. */
export function ssoStartUrl(redirect: string | undefined): string {
  return `${ssoBase}/start?${new URLSearchParams({ redirect: safeRedirect(redirect) })}`;
}

/** The sign-in page's message for the server's `?error=` after a refused SSO sign-in. */
const ssoErrors: Record<string, () => string> = {
  sso_state_invalid: m.auth_sso_error_sso_state_invalid,
  sso_code_invalid: m.auth_sso_error_sso_code_invalid,
  sso_failed: m.auth_sso_error_sso_failed,
  sso_no_workspace: m.auth_sso_error_sso_no_workspace,
  sso_not_in_plan: m.auth_sso_error_sso_not_in_plan,
  sso_workspace_full: m.auth_sso_error_sso_workspace_full,
  sso_email_unverified: m.auth_sso_error_sso_email_unverified,
};

export function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return (Object.hasOwn(ssoErrors, code) ? ssoErrors[code] : m.auth_sso_error_sso_failed)?.() ?? null;
}
