import { m } from "@nexis/i18n/messages";
import { createFileRoute, Link } from "@tanstack/react-router";
import { ApiHealthCard } from "../components/api-health-card.tsx";
import { AppHeader } from "../components/app-header.tsx";

export const Route = createFileRoute("/")({
  component: HomePage,
});

function HomePage() {
  return (
    <div className="min-h-dvh">
      <AppHeader />
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:py-16">
        <section className="max-w-2xl space-y-3">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{m.home_title()}</h1>
          <p className="text-lg text-slate-600 dark:text-slate-300">{m.home_intro()}</p>
          <div className="flex flex-wrap gap-3 pt-2">
            <Link to="/inbox" className="inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
              {m.home_open_inbox()}
            </Link>
            <Link to="/sign-in" className="inline-flex min-h-10 items-center rounded-lg px-4 text-sm font-medium ring-1 ring-slate-300 dark:ring-slate-600">
              {m.home_sign_in()}
            </Link>
          </div>
        </section>
        <ApiHealthCard />
      </main>
    </div>
  );
}
