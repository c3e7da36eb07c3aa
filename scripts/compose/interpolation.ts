/**
 * The variables a Compose file interpolates: `${NAME}`, `${NAME:-default}`, `${NAME?error}` and
 * bare `$NAME`; `$$` is an escaped dollar and names nothing.
 */
export function interpolatedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const name = match[2] ?? match[3];
    if (name) names.add(name);
  }
  return names;
}

/** The variable names `.env.example` assigns (`NAME=value` lines). */
export function documentedVariables(envExample: string): Set<string> {
  return new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] as string));
}
