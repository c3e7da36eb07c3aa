import { m } from "@nexis/i18n/messages";
import { createFileRoute, Link, useRouter } from "@tanstack/react-router";
import { z } from "zod";
import { AuthShell } from "../components/auth/auth-shell.tsx";
import { SignInForm } from "../components/auth/sign-in-form.tsx";
import { SsoButton } from "../components/auth/sso-button.tsx";
import { FormError } from "../components/common/form-error.tsx";
import { safeRedirect } from "../lib/safe-redirect.ts";
import { ssoErrorMessage } from "../lib/sso.ts";

export const Route = createFileRoute("/sign-in")({
  // `error`: why the server refused an SSO sign-in (it sends the browser back here).
  validateSearch: z.object({ redirect: z.string().optional(), error: z.string().max(64).optional().catch(undefined) }),
  head: () => ({ meta: [{ title: m.auth_sign_in_title() }] }),
  component: SignInPage,
});

const linkClass = "font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-400";

function SignInPage() {
  const { redirect, error } = Route.useSearch();
  const router = useRouter();
  return (
    <AuthShell title={m.auth_sign_in_title()}>
      <FormError message={ssoErrorMessage(error)} />
      <SsoButton redirect={redirect} />
      <SignInForm onSignedIn={() => router.history.push(safeRedirect(redirect))} />
      <div className="flex flex-col gap-2 text-sm">
        <Link to="/forgot-password" className={linkClass}>
          {m.auth_forgot_link()}
        </Link>
        <Link to="/sign-up" search={{ redirect }} className={linkClass}>
          {m.auth_no_account()}
        </Link>
      </div>
    </AuthShell>
  );
}
