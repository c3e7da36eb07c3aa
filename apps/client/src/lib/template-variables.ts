/** The `{{variables}}` a template body uses, in order of first appearance. */
export function templateVariables(body: string): string[] {
  const names = [...body.matchAll(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g)].map((match) => match[1] ?? "");
  return [...new Set(names)];
}

/** Splits a body into text and variable parts, for a preview that highlights the variables. */
export function templateParts(body: string): { text: string; variable: boolean }[] {
  return body.split(/(\{\{\s*[A-Za-z_][\w.]*\s*\}\})/g).filter(Boolean).map((text) => ({ text, variable: text.startsWith("{{") }));
}
