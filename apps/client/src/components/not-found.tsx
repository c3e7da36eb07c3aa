import { m } from "@nexis/i18n/messages";
import { Link } from "@tanstack/react-router";
import { AppHeader } from "./app-header.tsx";

/** The client's 404: says so plainly and offers the way back. */
export function NotFound() {
  return (
    <div className="min-h-dvh">
      <AppHeader />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-16">
        <h1 className="text-3xl font-bold tracking-tight">{m.not_found_title()}</h1>
        <p className="text-slate-600 dark:text-slate-300">{m.not_found_body()}</p>
        <Link to="/" className="inline-flex font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-400">
          {m.not_found_home()}
        </Link>
      </main>
    </div>
  );
}
