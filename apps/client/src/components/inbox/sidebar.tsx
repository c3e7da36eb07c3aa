import { m } from "@nexis/i18n/messages";
import { ThemeToggle } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { authClient } from "../../lib/auth-client.ts";
import type { InboxSearch } from "../../lib/inbox-search.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { AccountStatusBadge } from "../common/account-status-badge.tsx";
import { LanguageSwitcher } from "../language-switcher.tsx";
import { SidebarLink } from "./sidebar-link.tsx";
import { SidebarSection as Section } from "./sidebar-section.tsx";
import { WorkspaceSwitcher } from "./workspace-switcher.tsx";

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
        <SidebarLink search={{}} active={onlyView && !search.view}>{m.view_all()}</SidebarLink>
        <SidebarLink search={{ view: "unread" }} active={onlyView && search.view === "unread"}>{m.view_unread()}</SidebarLink>
        <SidebarLink search={{ view: "archived" }} active={onlyView && search.view === "archived"}>{m.view_archived()}</SidebarLink>
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
        <div className="flex items-center justify-between gap-2">
          <LanguageSwitcher />
          <ThemeToggle label={m.theme_toggle()} />
        </div>
        <button type="button" onClick={() => void signOut()} className="w-full rounded-lg px-2 py-2 text-left text-sm hover:bg-slate-200/70 dark:hover:bg-slate-800">
          {m.auth_sign_out()}
        </button>
      </div>
    </div>
  );
}
