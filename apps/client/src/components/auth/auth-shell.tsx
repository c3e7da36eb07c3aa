import { Card } from "@nexis/ui";
import type { ReactNode } from "react";
import { AppHeader } from "../app-header.tsx";

/** The frame of the signed-out pages: header, then one centred card. */
export function AuthShell({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <AppHeader />
      <main className="mx-auto max-w-md px-4 py-10 sm:py-16">
        <Card className="space-y-5">
          <div className="space-y-1">
            <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
            {intro && <p className="text-sm text-slate-600 dark:text-slate-300">{intro}</p>}
          </div>
          {children}
        </Card>
      </main>
    </div>
  );
}
