import type { ReactNode } from "react";

/** A settings section: its heading, then its content. */
export function SettingsPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-5">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </section>
  );
}
