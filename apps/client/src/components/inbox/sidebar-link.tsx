import { classNames } from "@nexis/ui";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { InboxSearch } from "../../lib/inbox-search.ts";

/** A filter in the sidebar: sets the inbox's search (and closes the open chat). */
export function SidebarLink({ search, active, children, count }: { search: InboxSearch; active: boolean; children: ReactNode; count?: number }) {
  return (
    <Link
      to="/inbox"
      search={search}
      className={classNames(
        "flex min-h-9 items-center justify-between gap-2 rounded-lg px-2 text-sm hover:bg-slate-200/70 dark:hover:bg-slate-800",
        active && "bg-slate-200 font-semibold dark:bg-slate-800",
      )}
    >
      <span className="flex min-w-0 items-center gap-2 truncate">{children}</span>
      {count !== undefined && <span className="text-xs text-slate-500">{count}</span>}
    </Link>
  );
}
