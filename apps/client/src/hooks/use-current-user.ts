import { useRouteContext } from "@tanstack/react-router";

/** The signed-in user's id (the `_authed` route loaded the session before anything inside it renders). */
export function useCurrentUserId(): string {
  return useRouteContext({ from: "/_authed", select: (context) => context.session.user.id });
}
