import { m } from "@nexis/i18n/messages";
import { Spinner } from "@nexis/ui";
import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { authClient } from "../lib/auth-client.ts";

/**
 * Everything behind sign-in. Rendered in the browser only (`ssr: false`): the session cookie
 * belongs to the API's origin, so the browser is what can ask Better Auth who is signed in.
 */
export const Route = createFileRoute("/_authed")({
  ssr: false,
  beforeLoad: async ({ location }) => {
    const { data } = await authClient.getSession();
    if (!data) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { session: data };
  },
  pendingComponent: () => (
    <div className="grid min-h-dvh place-items-center">
      <Spinner label={m.auth_checking()} />
    </div>
  ),
  component: Outlet,
});
