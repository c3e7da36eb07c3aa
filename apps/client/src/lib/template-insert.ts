/** The composer's text after a template replaces the `/shortcut` being typed (or lands at the caret). */
export interface Insertion {
  text: string;
  /** Where the caret goes: right after the inserted text. */
  caret: number;
}

/**
 * Inserts `snippet` at `caret`. When the word before the caret is the slash command that opened
 * the picker (`/` or `/short`), that command is replaced rather than kept.
 */
export function insertTemplate(text: string, caret: number, snippet: string): Insertion {
  const at = Math.max(0, Math.min(caret, text.length));
  const before = text.slice(0, at);
  const after = text.slice(at);
  const command = /(^|\s)\/[\w-]*$/.exec(before);
  const head = command ? before.slice(0, before.length - command[0].length + (command[1] ?? "").length) : before;
  return { text: head + snippet + after, caret: head.length + snippet.length };
}

/** The slash command being typed just before the caret (`/ord` → `ord`), or null when there is none. */
export function slashQuery(text: string, caret: number): string | null {
  const match = /(^|\s)\/([\w-]*)$/.exec(text.slice(0, caret));
  return match ? (match[2] ?? "") : null;
}
