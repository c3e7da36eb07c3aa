import { m } from "@nexis/i18n/messages";
import { createFileRoute, Link, Outlet } from "@tanstack/react-router";

export const Route = createFileRoute("/_authed/settings")({
  head: () => ({ meta: [{ title: m.settings_title() }] }),
  component: SettingsLayout,
});

const sections = [
  { to: "/settings/numbers", label: m.settings_numbers },
  { to: "/settings/members", label: m.settings_members },
  { to: "/settings/templates", label: m.settings_templates },
  { to: "/settings/tags", label: m.settings_tags },
  { to: "/settings/folders", label: m.settings_folders },
  { to: "/settings/plan", label: m.settings_plan },
  { to: "/settings/workspace", label: m.settings_workspace },
  { to: "/settings/profile", label: m.settings_profile },
] as const;

/** Settings: a section list (a scrolling row on a phone) beside the section's page. */
function SettingsLayout() {
  return (
    <div className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-4 px-4 py-6 md:flex-row">
      <nav aria-label={m.settings_title()} className="flex shrink-0 gap-1 overflow-x-auto md:w-52 md:flex-col">
        <Link to="/inbox" className="rounded-lg px-3 py-2 text-sm whitespace-nowrap text-brand-700 dark:text-brand-400">
          {m.settings_back_inbox()}
        </Link>
        {sections.map((section) => (
          <Link
            key={section.to}
            to={section.to}
            className="rounded-lg px-3 py-2 text-sm whitespace-nowrap hover:bg-slate-200/70 dark:hover:bg-slate-800"
            activeProps={{ className: "bg-slate-200 font-semibold dark:bg-slate-800" }}
          >
            {section.label()}
          </Link>
        ))}
      </nav>
      <main className="min-w-0 flex-1">
        <Outlet />
      </main>
    </div>
  );
}
