import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle, themeScript } from "@nexis/ui";
import { translator } from "~/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: "NexisChat — Plans & billing",
  description: "Choose your NexisChat plan, change it as your team grows, and find your invoices.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

const navLink = "rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { t, locale } = await translator();
  return (
    // The theme script sets the `dark` class before React hydrates, so the class may differ.
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
            <Link href="/" className="flex items-center gap-2 font-semibold">
              <span aria-hidden className="inline-flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white">
                N
              </span>
              <span className="hidden sm:inline">
                NexisChat <span className="font-normal text-slate-500 dark:text-slate-400">Billing</span>
              </span>
            </Link>
            <nav className="flex items-center gap-1" aria-label="Portal">
              <Link href="/pricing" className={navLink}>
                {t("billing_nav_pricing")}
              </Link>
              <Link href="/billing" className={navLink}>
                {t("billing_nav_billing")}
              </Link>
              <ThemeToggle label="Toggle dark mode" />
            </nav>
          </div>
        </header>
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 sm:px-6 sm:py-14">{children}</main>
        <footer className="border-t border-slate-200 px-4 py-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
          NexisChat — the self-hostable WhatsApp team inbox
        </footer>
      </body>
    </html>
  );
}
