import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Navigate } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "../../components/common/empty-state.tsx";
import { ChatList } from "../../components/inbox/chat-list.tsx";
import { Conversation } from "../../components/inbox/conversation.tsx";
import { InboxShortcuts } from "../../components/inbox/inbox-shortcuts.tsx";
import { SearchPanel } from "../../components/inbox/search-panel.tsx";
import { Sidebar } from "../../components/inbox/sidebar.tsx";
import { useLiveEvents } from "../../hooks/use-live-events.ts";
import { useNotifications } from "../../hooks/use-notifications.ts";
import { chatFilters, inboxSearchSchema } from "../../lib/inbox-search.ts";
import { useTRPC } from "../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/inbox")({
  validateSearch: inboxSearchSchema,
  head: () => ({ meta: [{ title: m.nav_inbox() }] }),
  component: InboxPage,
});

/** Three panes on a desktop; on a phone the chat list, or the open chat, with the sidebar as a drawer. */
function InboxPage() {
  const search = Route.useSearch();
  const trpc = useTRPC();
  const [menuOpen, setMenuOpen] = useState(false);
  const accounts = useQuery(trpc.account.list.queryOptions());
  const live = useLiveEvents(useNotifications());
  // A workspace with no number yet has nothing to show: lead it to link one (once the list is
  // current: a cached empty list from before onboarding must not send the user back there).
  if (accounts.data?.length === 0 && !accounts.isFetching) return <Navigate to="/onboarding" />;

  const chatId = search.chatId;
  return (
    <div className="flex h-dvh overflow-hidden" data-live={live.status}>
      <InboxShortcuts chatId={chatId} />
      {live.reconnecting && (
        <div role="status" className="fixed inset-x-0 top-0 z-40 bg-amber-100 px-3 py-1 text-center text-sm text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {m.inbox_reconnecting()}
        </div>
      )}
      <aside
        className={classNames(
          "w-72 shrink-0 border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900",
          menuOpen ? "fixed inset-y-0 left-0 z-30 block shadow-xl" : "hidden lg:block",
        )}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setMenuOpen(false);
        }}
      >
        <Sidebar search={search} />
      </aside>
      {menuOpen && <button type="button" aria-label={m.common_close()} className="fixed inset-0 z-20 bg-black/30 lg:hidden" onClick={() => setMenuOpen(false)} />}
      <section className={classNames("min-h-0 w-full flex-col border-r border-slate-200 lg:flex lg:w-96 dark:border-slate-800", chatId ? "hidden" : "flex")}>
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-3 dark:border-slate-800">
          <button type="button" aria-label={m.nav_open_menu()} onClick={() => setMenuOpen(true)} className="rounded-lg px-2 py-1 text-xl lg:hidden">
            ☰
          </button>
          <h1 className="text-lg font-semibold">{m.nav_inbox()}</h1>
        </header>
        <SearchPanel>
          <ChatList filters={chatFilters(search)} openChatId={chatId} />
        </SearchPanel>
      </section>
      <main className={classNames("min-h-0 min-w-0 flex-1 flex-col lg:flex", chatId ? "flex" : "hidden")}>
        {chatId ? <Conversation key={chatId} chatId={chatId} /> : <EmptyState title={m.chat_pick()} hint={m.chat_pick_hint()} />}
      </main>
    </div>
  );
}
