import { m } from "@nexis/i18n/messages";
import { createFileRoute, Link } from "@tanstack/react-router";
import { AuthShell } from "../components/auth/auth-shell.tsx";
import { ForgotPasswordForm } from "../components/auth/forgot-password-form.tsx";

export const Route = createFileRoute("/forgot-password")({
  head: () => ({ meta: [{ title: m.auth_forgot_title() }] }),
  component: ForgotPasswordPage,
});

function ForgotPasswordPage() {
  return (
    <AuthShell title={m.auth_forgot_title()} intro={m.auth_forgot_intro()}>
      <ForgotPasswordForm />
      <Link to="/sign-in" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-400">
        {m.auth_sign_in_submit()}
      </Link>
    </AuthShell>
  );
}
