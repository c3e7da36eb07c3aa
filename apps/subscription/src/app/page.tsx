import { Card, Spinner, StatusBadge } from "@nexis/ui";
import { Suspense } from "react";
import { ApiStatusCard } from "~/components/api-status-card";
import { env } from "~/env";

// The API status is live: render per request, never at build time.
export const dynamic = "force-dynamic";

const upcoming = [
  {
    title: "Choose a plan",
    body: "Pick the plan that fits your team: seats, WhatsApp numbers and message volume, billed monthly or yearly.",
  },
  {
    title: "Upgrade or downgrade",
    body: "Change plans whenever your team grows or shrinks. Changes are prorated and apply to the whole workspace.",
  },
  {
    title: "Billing history",
    body: "Download every invoice and receipt, and keep your billing details and payment method up to date.",
  },
] as const;

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section className="max-w-2xl">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-400">
          Subscription portal
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">Plans &amp; billing</h1>
        <p className="mt-4 text-base text-pretty text-slate-600 sm:text-lg dark:text-slate-300">
          Manage your NexisChat workspace&apos;s subscription in one place. Sign in with your NexisChat account to
          see your current plan; only workspace owners can change it.
        </p>
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <a
            href={env.CLIENT_URL}
            className="inline-flex min-h-10 items-center justify-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Sign in to NexisChat
          </a>
          <span className="text-sm text-slate-500 dark:text-slate-400">Billing opens here soon.</span>
        </div>
      </section>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="text-xl font-semibold">
          What you will do here
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {upcoming.map((item) => (
            <li key={item.title}>
              <Card className="h-full">
                <StatusBadge tone="pending">Coming soon</StatusBadge>
                <h3 className="mt-4 font-semibold">{item.title}</h3>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{item.body}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section className="max-w-2xl">
        <Suspense
          fallback={
            <Card>
              <Spinner label="Checking the API…" />
            </Card>
          }
        >
          <ApiStatusCard />
        </Suspense>
      </section>
    </div>
  );
}
