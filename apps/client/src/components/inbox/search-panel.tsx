import { m } from "@nexis/i18n/messages";
import { type ReactNode, useState } from "react";
import { useInboxSearch } from "../../hooks/use-search.ts";
import { EmptyState } from "../common/empty-state.tsx";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { SearchBox } from "./search-box.tsx";
import { SearchResults } from "./search-results.tsx";

/** The middle pane's body: the search box, then its results while it holds a query, else `children` (the chat list). */
export function SearchPanel({ children }: { children: ReactNode }) {
  const [typed, setTyped] = useState("");
  const { results, query, active, tooShort, settling } = useInboxSearch(typed);

  let body: ReactNode = children;
  if (tooShort) body = <EmptyState title={m.search_too_short()} hint={m.search_empty_hint()} />;
  else if (active && results.isError) body = <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  else if (active && results.data) body = <SearchResults results={results.data} query={query} />;
  else if (active) body = <SkeletonRows label={m.search_loading()} count={4} />;

  return (
    <>
      <SearchBox value={typed} onChange={setTyped} />
      <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={active && (settling || results.isFetching)}>
        {body}
      </div>
    </>
  );
}
