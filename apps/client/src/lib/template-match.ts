/** Templates whose name contains, or whose shortcut starts with, what follows the `/`. */
export function matchTemplates<T extends { name: string; shortcut: string | null }>(templates: readonly T[], query: string): T[] {
  const needle = query.toLowerCase();
  return templates.filter((template) => template.name.toLowerCase().includes(needle) || (template.shortcut ?? "").toLowerCase().startsWith(needle));
}
