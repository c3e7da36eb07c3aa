import { m } from "@nexis/i18n/messages";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { toast } from "sonner";
import { z } from "zod";
import { AuthShell } from "../components/auth/auth-shell.tsx";
import { ResetPasswordForm } from "../components/auth/reset-password-form.tsx";

// Better Auth's mailed link lands here as `?token=…` (or `?error=INVALID_TOKEN` once it has expired).
export const Route = createFileRoute("/reset-password")({
  validateSearch: z.object({ token: z.string().optional(), error: z.string().optional() }),
  head: () => ({ meta: [{ title: m.auth_reset_title() }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { token } = Route.useSearch();
  const navigate = useNavigate();
  const done = () => {
    toast.success(m.auth_reset_done());
    void navigate({ to: "/sign-in" });
  };
  return (
    <AuthShell title={m.auth_reset_title()}>
      {token ? <ResetPasswordForm token={token} onDone={done} /> : <p role="alert">{m.auth_reset_missing_token()}</p>}
    </AuthShell>
  );
}
