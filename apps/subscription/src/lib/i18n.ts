import "server-only";
import { m as messages } from "@nexis/i18n/messages";
import { cookies, headers } from "next/headers";

export const portalLocales = ["en", "pt-BR", "es"] as const;
export type PortalLocale = (typeof portalLocales)[number];

/** The visitor's locale: Paraglide's cookie if set, else the first supported Accept-Language. */
export async function requestLocale(): Promise<PortalLocale> {
  const fromCookie = (await cookies()).get("PARAGLIDE_LOCALE")?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("es")) return "es";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

function isLocale(value: string | undefined): value is PortalLocale {
  return (portalLocales as readonly string[]).includes(value ?? "");
}

type Messages = typeof messages;
type MessageKey = { [Key in keyof Messages]: Key extends `billing_${string}` ? Key : never }[keyof Messages];

/** The portal's messages bound to one locale: `t("billing_plan_upgrade", { plan: "Pro" })`. */
export async function translator() {
  const locale = await requestLocale();
  const t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
    (messages[key] as unknown as (inputs: Record<string, unknown>, options: { locale: PortalLocale }) => string)(params, { locale });
  return { t, locale };
}

export type Translate = Awaited<ReturnType<typeof translator>>["t"];
