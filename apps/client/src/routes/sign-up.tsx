import { m } from "@nexis/i18n/messages";
import { createFileRoute, Link, useRouter } from "@tanstack/react-router";
import { z } from "zod";
import { AuthShell } from "../components/auth/auth-shell.tsx";
import { SignUpForm } from "../components/auth/sign-up-form.tsx";
import { safeRedirect } from "../lib/safe-redirect.ts";

export const Route = createFileRoute("/sign-up")({
  validateSearch: z.object({ redirect: z.string().optional() }),
  head: () => ({ meta: [{ title: m.auth_sign_up_title() }] }),
  component: SignUpPage,
});

function SignUpPage() {
  const { redirect } = Route.useSearch();
  const router = useRouter();
  return (
    <AuthShell title={m.auth_sign_up_title()} intro={m.auth_sign_up_intro()}>
      <SignUpForm onSignedUp={() => router.history.push(safeRedirect(redirect))} />
      <Link to="/sign-in" search={{ redirect }} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-400">
        {m.auth_have_account()}
      </Link>
    </AuthShell>
  );
}
