import { m } from "@nexis/i18n/messages";
import { Card } from "@nexis/ui";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { AppHeader } from "../../components/app-header.tsx";
import { useQuery } from "@tanstack/react-query";
import { AddNumberForm } from "../../components/onboarding/add-number-form.tsx";
import { CreateWorkspaceForm } from "../../components/onboarding/create-workspace-form.tsx";
import { LinkNumber } from "../../components/onboarding/link-number.tsx";
import { useTRPC } from "../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/onboarding")({
  validateSearch: z.object({ accountId: z.uuid().optional() }),
  head: () => ({ meta: [{ title: m.onboarding_title() }] }),
  component: OnboardingPage,
});

function OnboardingPage() {
  const { accountId } = Route.useSearch();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.workspace.listMine.queryOptions());
  const hasWorkspace = !workspaces.data || workspaces.data.length > 0;
  return (
    <div className="min-h-dvh">
      <AppHeader />
      <main className="mx-auto max-w-xl space-y-4 px-4 py-8 sm:py-12">
        <Link to="/inbox" className="text-sm font-medium text-brand-700 dark:text-brand-400">
          {m.settings_back_inbox()}
        </Link>
        <Card className="space-y-5">
          <div className="space-y-1">
            <h1 className="text-2xl font-bold tracking-tight">{m.onboarding_title()}</h1>
            <p className="text-sm text-slate-600 dark:text-slate-300">{m.onboarding_intro()}</p>
          </div>
          {!hasWorkspace ? (
            <CreateWorkspaceForm />
          ) : accountId ? (
            <LinkNumber accountId={accountId} />
          ) : (
            <AddNumberForm onAdded={(id) => void navigate({ to: "/onboarding", search: { accountId: id } })} />
          )}
        </Card>
      </main>
    </div>
  );
}
