import { snippetSegments, type SnippetSegment } from "../../lib/search-snippet.ts";

/** A search hit's snippet with the matching words marked; React escapes every piece as text. */
export function SearchSnippet({ parts }: { parts: readonly SnippetSegment[] }) {
  return (
    <>
      {snippetSegments(parts).map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
