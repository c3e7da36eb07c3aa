import "../global.css";
import { i18nProvider } from "fumadocs-ui/i18n";
import { RootProvider } from "fumadocs-ui/provider/next";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { htmlLang, i18n, type DocsLanguage } from "@/lib/i18n";
import { translations } from "@/lib/layout.shared";

export const metadata: Metadata = {
  title: {
    default: "NexisChat Docs",
    template: "%s | NexisChat Docs",
  },
  description: "Run, self-host and extend NexisChat, the multi-tenant WhatsApp team inbox.",
};

export function generateStaticParams() {
  return i18n.languages.map((lang) => ({ lang }));
}

export default async function RootLayout({ params, children }: { params: Promise<{ lang: string }>; children: ReactNode }) {
  const { lang } = await params;
  return (
    <html lang={htmlLang[lang as DocsLanguage] ?? "en"} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col">
        <RootProvider i18n={i18nProvider(translations, lang)}>{children}</RootProvider>
      </body>
    </html>
  );
}
