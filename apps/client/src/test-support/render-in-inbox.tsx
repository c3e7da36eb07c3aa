import { render } from "@testing-library/react";
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from "@tanstack/react-router";
import type { ComponentType } from "react";
import { inboxSearchSchema } from "../lib/inbox-search.ts";
import { fakeApi, type FakeProcedures } from "./fake-api.tsx";

/**
 * Renders `Component` as the inbox route under a signed-in `_authed` layout (the session holds
 * `userId`), with the fake API: for components that read the current user or the inbox's URL.
 */
export async function renderInInbox(Component: ComponentType, options: { userId: string; procedures: FakeProcedures }) {
  const api = fakeApi(options.procedures);
  const root = createRootRoute({ component: Outlet });
  const authed = createRoute({ getParentRoute: () => root, id: "_authed", beforeLoad: () => ({ session: { user: { id: options.userId } } }), component: Outlet });
  const inbox = createRoute({ getParentRoute: () => authed, path: "/inbox", validateSearch: inboxSearchSchema, component: () => <Component /> });
  const router = createRouter({ routeTree: root.addChildren([authed.addChildren([inbox])]), history: createMemoryHistory({ initialEntries: ["/inbox"] }) });
  await router.load();
  const Wrapper = api.wrapper;
  const view = render(
    <Wrapper>
      <RouterProvider router={router} />
    </Wrapper>,
  );
  return { ...view, api, router };
}
