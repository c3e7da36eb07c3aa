/** `{{ name }}`: letters, digits, `_` and dots (for `contact.name`), spaces inside the braces allowed. */
const variablePattern = /\{\{\s*([A-Za-z_][\w.]{0,63})\s*\}\}/g;

/** The variable names a template body uses, each once, in order of first use. */
export function templateVariables(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(variablePattern), (match) => match[1] ?? ""))];
}

/**
 * Fills a template's variables from `values`. A variable without a value (absent, or blank) stays
 * as written, `{{like.this}}`, so the agent sees what to fill in, and is listed in `missing`.
 */
export function renderTemplate(body: string, values: Record<string, string | null | undefined>) {
  const missing = new Set<string>();
  const text = body.replace(variablePattern, (written, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value.trim() === "") {
      missing.add(name);
      return written;
    }
    return value;
  });
  return { text, variables: templateVariables(body), missing: [...missing] };
}
