import { m } from "@nexis/i18n/messages";
import { ThemeToggle } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { authClient } from "../../lib/auth-client.ts";
import type { InboxSearch } from "../../lib/inbox-search.ts";
import { shortcutsHelp } from "../../lib/toggle-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { AccountStatusBadge } from "../common/account-status-badge.tsx";
import { LanguageSwitcher } from "../language-switcher.tsx";
import { NotificationToggle } from "./notification-toggle.tsx";
import { SidebarLink } from "./sidebar-link.tsx";
import { SidebarSection as Section } from "./sidebar-section.tsx";
import { WorkspaceSwitcher } from "./workspace-switcher.tsx";

/** The inbox's views, as `chatFilters` reads them (`view` in the URL). */
const views = [
  { view: undefined, label: m.view_all },
  { view: "mine", label: m.view_mine },
  { view: "unassigned", label: m.view_unassigned },
  { view: "unread", label: m.view_unread },
  { view: "archived", label: m.view_archived },
] as const;

/** The left pane: workspace, linked numbers, views, folders and tags. */
export function Sidebar({ search }: { search: InboxSearch }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const accounts = useQuery(trpc.account.list.queryOptions(undefined, { refetchInterval: 10_000 }));
  const folders = useQuery(trpc.folder.list.queryOptions());
  const tags = useQuery(trpc.tag.list.queryOptions());
  const onlyView = !search.folderId && !search.tagId && !search.accountId;
  const signOut = async () => {
    await authClient.signOut();
    await navigate({ to: "/sign-in" });
  };

  return (
    <div className="flex h-full flex-col gap-5 overflow-y-auto p-3">
      <WorkspaceSwitcher />
      <Section title={m.nav_numbers()}>
        {(accounts.data ?? []).map((account) => (
          <SidebarLink key={account.id} search={{ accountId: account.id }} active={search.accountId === account.id}>
            <span className="truncate">{account.name}</span>
            <AccountStatusBadge status={account.status} />
          </SidebarLink>
        ))}
        <Link to="/onboarding" className="block px-2 py-1 text-sm text-brand-700 hover:underline dark:text-brand-400">
          + {m.view_add_number()}
        </Link>
      </Section>
      <Section title={m.nav_views()}>
        {views.map(({ view, label }) => (
          <SidebarLink key={view ?? "all"} search={view ? { view } : {}} active={onlyView && (search.view === "all" ? undefined : search.view) === view}>
            {label()}
          </SidebarLink>
        ))}
      </Section>
      {(folders.data?.length ?? 0) > 0 && (
        <Section title={m.nav_folders()}>
          {(folders.data ?? []).map((folder) => (
            <SidebarLink key={folder.id} search={{ folderId: folder.id }} active={search.folderId === folder.id}>
              {folder.name}
            </SidebarLink>
          ))}
        </Section>
      )}
      {(tags.data?.length ?? 0) > 0 && (
        <Section title={m.nav_tags()}>
          {(tags.data ?? []).map((tag) => (
            <SidebarLink key={tag.id} search={{ tagId: tag.id }} active={search.tagId === tag.id} count={tag.chatCount}>
              <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: tag.color ?? "#94a3b8" }} />
              <span className="truncate">{tag.name}</span>
            </SidebarLink>
          ))}
        </Section>
      )}
      <div className="mt-auto space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <Link to="/settings" className="block rounded-lg px-2 py-2 text-sm font-medium hover:bg-slate-200/70 dark:hover:bg-slate-800">
          {m.nav_settings()}
        </Link>
        <button type="button" onClick={() => shortcutsHelp.set(true)} aria-keyshortcuts="?" className="hidden w-full items-center justify-between rounded-lg px-2 py-2 text-left text-sm hover:bg-slate-200/70 sm:flex dark:hover:bg-slate-800">
          {m.shortcuts_title()}
          <kbd aria-hidden className="rounded border border-slate-300 px-1.5 font-mono text-xs dark:border-slate-600">
            ?
          </kbd>
        </button>
        <div className="flex items-center justify-between gap-2">
          <LanguageSwitcher />
          <div className="flex items-center">
            <NotificationToggle />
            <ThemeToggle label={m.theme_toggle()} />
          </div>
        </div>
        <button type="button" onClick={() => void signOut()} className="w-full rounded-lg px-2 py-2 text-left text-sm hover:bg-slate-200/70 dark:hover:bg-slate-800">
          {m.auth_sign_out()}
        </button>
      </div>
    </div>
  );
}
