/** Only a path on this site: never another origin (`//evil`, `https://…`), so a link cannot send a signed-in user away. */
export function safeRedirect(target: string | undefined, fallback = "/inbox"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
