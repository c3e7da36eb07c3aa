/** A piece of a search hit's snippet; `hit` marks the words that matched. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/**
 * The API's snippet parts made ready to draw as plain text (never as HTML): whitespace and line
 * breaks collapsed to single spaces, stray control characters dropped, neighbours of the same
 * kind joined, empty pieces left out.
 */
export function snippetSegments(parts: readonly SnippetSegment[]): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const part of parts) {
    // eslint-disable-next-line no-control-regex -- the API's hit markers are control characters
    const text = part.text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "").replace(/\s+/g, " ");
    if (!text) continue;
    const last = segments.at(-1);
    if (last && last.hit === part.hit) last.text += text;
    else segments.push({ text, hit: part.hit });
  }
  const first = segments[0];
  if (first) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text);
}
