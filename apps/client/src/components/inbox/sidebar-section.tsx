import type { ReactNode } from "react";

/** A titled group of sidebar links (numbers, views, folders, tags). */
export function SidebarSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <nav aria-label={title} className="space-y-1">
      <h2 className="px-2 text-xs font-semibold text-slate-500 uppercase">{title}</h2>
      {children}
    </nav>
  );
}
